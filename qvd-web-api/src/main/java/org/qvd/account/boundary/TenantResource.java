package org.qvd.account.boundary;

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
import org.qvd.account.boundary.TenantRequests.NewTenant;
import org.qvd.account.boundary.TenantRequests.TenantFilter;
import org.qvd.account.boundary.TenantRequests.TenantUpdate;

/** Tenants (superadmins change them; other admins see their own). */
@Path("tenants")
@Tag(name = "tenants", description = "isolated organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    @EJB
    TenantService tenants;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List tenants", description = "filters: name (contains), blocked; sort: id, name, createdAt")
    public Page<TenantDto> list(@QueryParam("name") String name, @QueryParam("blocked") Boolean blocked,
            @BeanParam PageParams page) {
        return tenants.list(new TenantFilter(name, blocked), page.toRequest());
    }

    @POST
    @Operation(summary = "Create a tenant")
    public Response create(NewTenant request) {
        TenantDto t = tenants.create(request);
        return Created.at(uri, t.id(), t);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a tenant")
    public TenantDto get(@PathParam("id") Long id) {
        return tenants.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a tenant")
    public TenantDto update(@PathParam("id") Long id, TenantUpdate update) {
        return tenants.update(id, update);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an empty tenant")
    public Response delete(@PathParam("id") Long id) {
        tenants.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/block")
    @Operation(summary = "Block a tenant")
    public TenantDto block(@PathParam("id") Long id) {
        return tenants.block(id);
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock a tenant")
    public TenantDto unblock(@PathParam("id") Long id) {
        return tenants.unblock(id);
    }
}
