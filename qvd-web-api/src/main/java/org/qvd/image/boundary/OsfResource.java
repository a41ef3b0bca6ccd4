package org.qvd.image.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.Created;
import org.qvd.api.platform.PageParams;
import org.qvd.vmas.platform.Page;
import org.qvd.image.boundary.OsfRequests.NewOsf;
import org.qvd.image.boundary.OsfRequests.OsfFilter;
import org.qvd.image.boundary.OsfRequests.OsfUpdate;

/** OS flavours. */
@Path("osfs")
@Tag(name = "osfs", description = "OS flavours: desktop types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OsfResource {

    @EJB
    OsfService osfs;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List OSFs", description = "filters: tenantId, name (contains)")
    public Page<OsfDto> list(@QueryParam("tenantId") Long tenantId, @QueryParam("name") String name,
            @BeanParam PageParams page) {
        return osfs.list(new OsfFilter(tenantId, name), page.toRequest());
    }

    @POST
    @Operation(summary = "Create an OSF")
    public Response create(NewOsf request) {
        OsfDto o = osfs.create(request);
        return Created.at(uri, o.id(), o);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an OSF")
    public OsfDto get(@PathParam("id") Long id) {
        return osfs.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change an OSF")
    public OsfDto update(@PathParam("id") Long id, OsfUpdate update) {
        return osfs.update(id, update);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an OSF without DIs or VMs")
    public Response delete(@PathParam("id") Long id) {
        osfs.delete(id);
        return Response.noContent().build();
    }
}
