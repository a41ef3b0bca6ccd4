package org.qvd.api.image.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.ApiError;
import org.qvd.api.platform.Page;
import org.qvd.api.platform.PageParams;
import org.qvd.vmas.image.boundary.DiDto;
import org.qvd.vmas.image.boundary.DiRequests.DiFilter;
import org.qvd.vmas.image.boundary.DiRequests.StagedDi;
import org.qvd.vmas.image.boundary.DiRequests.UploadedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.platform.error.InvalidInputException;

/** Disk images: upload into the image storage or import from staging, tags, blocking, deletion. */
@Path("dis")
@Tag(name = "dis", description = "disk images of OSFs and their tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiResource {

    static final String SORT = "id, version, osf or createdAt; prefix '-' for descending";
    static final String SORT_PATTERN = "^-?(id|version|osf|createdAt)$";

    @EJB
    DiService dis;

    @Context
    UriInfo uri;

    /** A description change. */
    @Schema(name = "DescriptionChange", description = "a DI's new description")
    public record DescriptionChange(String description) {}

    @GET
    @Operation(
            summary = "List DIs",
            description = "ACL di.see; the DIs of the OSFs the caller sees. Filters: tenantId "
                    + "(superadmins), osfId, version, blocked.")
    public Page<DiRepresentation> list(
            @QueryParam("tenantId") Long tenantId,
            @QueryParam("osfId") Long osfId,
            @QueryParam("version") String version,
            @QueryParam("blocked") Boolean blocked,
            @QueryParam("sort")
                    @Parameter(description = SORT, schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN))
                    String sort,
            @BeanParam PageParams page) {
        return Page.of(
                dis.list(new DiFilter(tenantId, osfId, version, blocked), page.toRequest(sort)), DiRepresentation::of);
    }

    /**
     * Registering a file by its host path is refused: a path could name another tenant's image or any file of the
     * hosts. Kept as an endpoint so that an old client learns why.
     */
    @POST
    @Operation(
            summary = "Refused: a DI is never registered by a host path",
            description = "upload the image (POST /dis/upload) or, as a superadmin, import it from the staging "
                    + "directory (POST /dis/import); always answers 400 di.path_refused")
    @APIResponse(
            responseCode = "400",
            description = "always: di.path_refused",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response create(Map<String, Object> request) {
        throw new InvalidInputException(
                ApiError.DI_PATH_REFUSED,
                "a disk image is not registered by a host path: upload it "
                        + "(POST /api/v1/dis/upload) or, as a superadmin, import it from the staging directory "
                        + "(POST /api/v1/dis/import)");
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(
            summary = "Upload an image file (streamed to the image storage) and register it as a DI",
            description = "ACL di.create; the body is the image; tag is an extra tag to set (e.g. default). The OSF "
                    + "and the ACL are checked before the body is read; a refused upload leaves no file. A version "
                    + "that is already a tag of the OSF answers 409 di.duplicate.")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = DiRepresentation.class)))
    public Response upload(
            @QueryParam("osfId") Long osfId,
            @QueryParam("version") String version,
            @QueryParam("fileName") @DefaultValue("image.qcow2") String fileName,
            @QueryParam("description") String description,
            @QueryParam("tag") String tag,
            InputStream body) {
        return created(dis.upload(new UploadedDi(osfId, version, fileName, description, tag), body));
    }

    @GET
    @Path("staged")
    @Operation(
            summary = "List the images waiting in the staging directory (superadmins only)",
            description = "version and directBoot come from the metadata file the image build writes beside an image")
    public List<StagedImageRepresentation> staged() {
        return dis.staged().stream().map(StagedImageRepresentation::of).toList();
    }

    @POST
    @Path("import")
    @Operation(
            summary = "Register an image of the staging directory as a DI (superadmins only)",
            description = "the file moves into the image storage; an image built by images/build.sh brings its kernel, "
                    + "initrd and boot.* properties; version and description default to its build metadata")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = DiRepresentation.class)))
    public Response importStaged(StagedDi request) {
        return created(dis.importStaged(request));
    }

    private Response created(DiDto d) {
        return Response.created(uri.getBaseUriBuilder()
                        .path("dis")
                        .path(String.valueOf(d.id()))
                        .build())
                .entity(DiRepresentation.of(d))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a DI", description = "ACL di.see; one of another tenant's OSF answers 404.")
    public DiRepresentation get(@PathParam("id") Long id) {
        return DiRepresentation.of(dis.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a DI's description", description = "ACL di.update.")
    public DiRepresentation update(@PathParam("id") Long id, DescriptionChange change) {
        return DiRepresentation.of(dis.describe(id, change == null ? null : change.description()));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a DI no VM runs",
            description = "ACL di.delete; a DI in use by a VM answers 409 "
                    + "di.in_use. Its head and default tags pass to the newest remaining DI.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD) // nothing to negotiate: 204 has no body (a client may accept only problems)
    public void delete(@PathParam("id") Long id) {
        dis.delete(id);
    }

    @POST
    @Path("{id}/block")
    @Operation(summary = "Block a DI", description = "ACL di.update.block; never used for new starts.")
    public DiRepresentation block(@PathParam("id") Long id) {
        return DiRepresentation.of(dis.block(id));
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock a DI", description = "ACL di.update.block.")
    public DiRepresentation unblock(@PathParam("id") Long id) {
        return DiRepresentation.of(dis.unblock(id));
    }

    @PUT
    @Path("{id}/tags/{tag}")
    @Operation(
            summary = "Move a tag to this DI",
            description = "ACL di.update.tags; the tag leaves the OSF's other "
                    + "DI. VMs pick the new DI at their next start.")
    public DiRepresentation tag(@PathParam("id") Long id, @PathParam("tag") String tag) {
        return DiRepresentation.of(dis.tag(id, tag));
    }

    @DELETE
    @Path("{id}/tags/{tag}")
    @Operation(
            summary = "Remove a tag from this DI",
            description = "ACL di.update.tags; its version tag "
                    + "cannot be removed (409 di.tag_fixed), nor head or default (move them instead).")
    public DiRepresentation untag(@PathParam("id") Long id, @PathParam("tag") String tag) {
        return DiRepresentation.of(dis.untag(id, tag));
    }
}
