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
import org.qvd.api.platform.Created;
import org.qvd.api.platform.PageParams;
import org.qvd.vmas.platform.Page;
import java.io.InputStream;
import java.nio.file.Path;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import org.qvd.image.boundary.DiRequests.DiFilter;
import org.qvd.image.boundary.DiRequests.NewDi;
import org.qvd.image.boundary.DiRequests.StagedDi;
import org.qvd.image.control.ImageStorage;
import java.util.List;
import org.qvd.vmas.platform.InvalidInputException;

/** Disk images: registration of a file on the image storage or upload into it, tags, blocking. */
@jakarta.ws.rs.Path("dis")
@Tag(name = "dis", description = "disk images of OSFs and their tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiResource {

    @EJB
    DiService dis;

    @EJB
    OsfService osfs;

    @Inject
    ImageStorage store;

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

    @POST
    @Operation(summary = "Register an image file already on the image storage")
    public Response create(NewDi request) {
        DiDto d = dis.create(request);
        return Created.at(uri, d.id(), d);
    }

    @POST
    @jakarta.ws.rs.Path("upload")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Upload an image file (streamed to the image storage) and register it as a DI",
            description = "the body is the image; tag is an extra tag to set (e.g. default)")
    public Response upload(@QueryParam("osfId") Long osfId, @QueryParam("version") String version,
            @QueryParam("fileName") @DefaultValue("image.qcow2") String fileName,
            @QueryParam("description") String description, @QueryParam("tag") String tag, InputStream body) {
        if (osfId == null) {
            throw new InvalidInputException("validation.failed", "osfId: must not be null");
        }
        osfs.get(osfId); // refuse an unknown or foreign OSF before storing anything
        Path file = store.store(osfId, fileName, body);
        try {
            DiDto d = dis.create(new NewDi(osfId, version, file.toString(), description, "default".equals(tag)));
            if (tag != null && !tag.isBlank() && !d.tags().contains(tag)) {
                d = dis.tag(d.id(), tag);
            }
            return Response.created(uri.getBaseUriBuilder().path("dis").path(String.valueOf(d.id())).build()).entity(d)
                    .build();
        } catch (RuntimeException e) {
            store.discard(List.of(new ImageStorage.Placed(file, true)));
            throw e;
        }
    }

    @GET
    @jakarta.ws.rs.Path("staged")
    @Operation(summary = "List the images waiting in the staging directory",
            description = "version and directBoot come from the metadata file the image build writes beside an image")
    public List<StagedImageDto> staged() {
        return dis.staged();
    }

    @POST
    @jakarta.ws.rs.Path("import")
    @Operation(summary = "Register an image of the staging directory as a DI",
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
