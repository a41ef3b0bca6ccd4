package org.qvd.image.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.PageParams;
import org.qvd.vmas.platform.Page;
import java.io.InputStream;
import jakarta.ws.rs.DefaultValue;
import org.qvd.image.boundary.DiRequests.DiFilter;
import org.qvd.image.boundary.DiRequests.StagedDi;
import org.qvd.image.boundary.DiRequests.UploadedDi;
import java.util.List;
import org.qvd.vmas.platform.InvalidInputException;

/** Disk images: upload into the image storage or import from staging, tags, blocking, deletion. */
@jakarta.ws.rs.Path("dis")
@Tag(name = "dis", description = "disk images of OSFs and their tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiResource {

    @EJB
    DiService dis;

    @Context
    UriInfo uri;

    /** A description change. */
    public record DescriptionChange(String description) {
    }

    @GET
    @Operation(summary = "List DIs", description = "filters: tenantId, osfId, version, blocked; sort: id, version, osf, createdAt")
    public Page<DiDto> list(@QueryParam("tenantId") Long tenantId, @QueryParam("osfId") Long osfId,
            @QueryParam("version") String version, @QueryParam("blocked") Boolean blocked, @BeanParam PageParams page) {
        return dis.list(new DiFilter(tenantId, osfId, version, blocked), page.toRequest());
    }

    /**
     * Registering a file by its host path is refused: a path could name another tenant's image or any file of the
     * hosts. Kept as an endpoint so that an old client learns why.
     */
    @POST
    @Operation(summary = "Refused: a DI is never registered by a host path",
            description = "upload the image (POST /dis/upload) or, as a superadmin, import it from the staging "
                    + "directory (POST /dis/import); answers 400 di.path_refused")
    public Response create(java.util.Map<String, Object> request) {
        throw new InvalidInputException("di.path_refused", "a disk image is not registered by a host path: upload it "
                + "(POST /api/v1/dis/upload) or, as a superadmin, import it from the staging directory "
                + "(POST /api/v1/dis/import)");
    }

    @POST
    @jakarta.ws.rs.Path("upload")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Upload an image file (streamed to the image storage) and register it as a DI",
            description = "the body is the image; tag is an extra tag to set (e.g. default). The OSF and the ACL "
                    + "di.create are checked before the body is read; a refused upload leaves no file")
    public Response upload(@QueryParam("osfId") Long osfId, @QueryParam("version") String version,
            @QueryParam("fileName") @DefaultValue("image.qcow2") String fileName,
            @QueryParam("description") String description, @QueryParam("tag") String tag, InputStream body) {
        DiDto d = dis.upload(new UploadedDi(osfId, version, fileName, description, tag), body);
        return Response.created(uri.getBaseUriBuilder().path("dis").path(String.valueOf(d.id())).build()).entity(d)
                .build();
    }

    @GET
    @jakarta.ws.rs.Path("staged")
    @Operation(summary = "List the images waiting in the staging directory (superadmins only)",
            description = "version and directBoot come from the metadata file the image build writes beside an image")
    public List<StagedImageDto> staged() {
        return dis.staged();
    }

    @POST
    @jakarta.ws.rs.Path("import")
    @Operation(summary = "Register an image of the staging directory as a DI (superadmins only)",
            description = "the file moves into the image storage; an image built by images/build.sh brings its kernel, "
                    + "initrd and boot.* properties; version and description default to its build metadata")
    public Response importStaged(StagedDi request) {
        DiDto d = dis.importStaged(request);
        return Response.created(uri.getBaseUriBuilder().path("dis").path(String.valueOf(d.id())).build()).entity(d)
                .build();
    }

    @GET
    @jakarta.ws.rs.Path("{id}")
    @Operation(summary = "Get a DI")
    public DiDto get(@PathParam("id") Long id) {
        return dis.get(id);
    }

    @PATCH
    @jakarta.ws.rs.Path("{id}")
    @Operation(summary = "Change a DI's description")
    public DiDto update(@PathParam("id") Long id, DescriptionChange change) {
        return dis.describe(id, change == null ? null : change.description());
    }

    @DELETE
    @jakarta.ws.rs.Path("{id}")
    @Operation(summary = "Delete a DI no VM runs")
    public Response delete(@PathParam("id") Long id) {
        dis.delete(id);
        return Response.noContent().build();
    }

    @POST
    @jakarta.ws.rs.Path("{id}/block")
    @Operation(summary = "Block a DI (never used for new starts)")
    public DiDto block(@PathParam("id") Long id) {
        return dis.block(id);
    }

    @POST
    @jakarta.ws.rs.Path("{id}/unblock")
    @Operation(summary = "Unblock a DI")
    public DiDto unblock(@PathParam("id") Long id) {
        return dis.unblock(id);
    }

    @PUT
    @jakarta.ws.rs.Path("{id}/tags/{tag}")
    @Operation(summary = "Move a tag to this DI")
    public DiDto tag(@PathParam("id") Long id, @PathParam("tag") String tag) {
        return dis.tag(id, tag);
    }

    @DELETE
    @jakarta.ws.rs.Path("{id}/tags/{tag}")
    @Operation(summary = "Remove a tag from this DI")
    public DiDto untag(@PathParam("id") Long id, @PathParam("tag") String tag) {
        return dis.untag(id, tag);
    }
}
