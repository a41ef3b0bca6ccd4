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
import org.qvd.account.boundary.AdministratorRequests.AdministratorFilter;
import org.qvd.account.boundary.AdministratorRequests.AdministratorUpdate;
import org.qvd.account.boundary.AdministratorRequests.NewAdministrator;

/** Administrators and their roles; {@code GET /administrators/me} is the caller. */
@Path("administrators")
@Tag(name = "administrators", description = "people who use the WAT, the API or the CLI")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdministratorResource {

    @EJB
    AdministratorService admins;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List administrators", description = "filters: tenantId, name (contains), blocked")
    public Page<AdministratorDto> list(@QueryParam("tenantId") Long tenantId, @QueryParam("name") String name,
            @QueryParam("blocked") Boolean blocked, @BeanParam PageParams page) {
        return admins.list(new AdministratorFilter(tenantId, name, blocked), page.toRequest());
    }

    @GET
    @Path("me")
    @Operation(summary = "The calling administrator and its effective ACLs")
    public CallerDto me() {
        return admins.me();
    }

    @POST
    @Operation(summary = "Create an administrator")
    public Response create(NewAdministrator request) {
        AdministratorDto a = admins.create(request);
        return Created.at(uri, a.id(), a);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an administrator")
    public AdministratorDto get(@PathParam("id") Long id) {
        return admins.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change an administrator")
    public AdministratorDto update(@PathParam("id") Long id, AdministratorUpdate update) {
        return admins.update(id, update);
    }

    @PUT
    @Path("{id}/password")
    @Operation(summary = "Set an administrator's password")
    public AdministratorDto password(@PathParam("id") Long id, UserResource.PasswordChange change) {
        return admins.changePassword(id, change == null ? null : change.password());
    }

    @PUT
    @Path("{id}/roles/{roleId}")
    @Operation(summary = "Assign a role")
    public AdministratorDto assign(@PathParam("id") Long id, @PathParam("roleId") Long roleId) {
        return admins.assignRole(id, roleId);
    }

    @DELETE
    @Path("{id}/roles/{roleId}")
    @Operation(summary = "Take a role away")
    public AdministratorDto unassign(@PathParam("id") Long id, @PathParam("roleId") Long roleId) {
        return admins.unassignRole(id, roleId);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an administrator")
    public Response delete(@PathParam("id") Long id) {
        admins.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/block")
    @Operation(summary = "Block an administrator")
    public AdministratorDto block(@PathParam("id") Long id) {
        return admins.block(id);
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock an administrator")
    public AdministratorDto unblock(@PathParam("id") Long id) {
        return admins.unblock(id);
    }
}
