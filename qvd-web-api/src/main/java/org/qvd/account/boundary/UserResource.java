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
import org.qvd.account.boundary.UserRequests.NewUser;
import org.qvd.account.boundary.UserRequests.UserFilter;
import org.qvd.account.boundary.UserRequests.UserUpdate;

/** Users, the people who own VMs. */
@Path("users")
@Tag(name = "users", description = "the people who own VMs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @EJB
    UserService users;

    @Context
    UriInfo uri;

    /** A new password. */
    public record PasswordChange(String password) {
    }

    @GET
    @Operation(summary = "List users", description = "filters: tenantId, login (contains), blocked; "
            + "sort: id, login, tenant, blocked, createdAt")
    public Page<UserDto> list(@QueryParam("tenantId") Long tenantId, @QueryParam("login") String login,
            @QueryParam("blocked") Boolean blocked, @BeanParam PageParams page) {
        return users.list(new UserFilter(tenantId, login, blocked), page.toRequest());
    }

    @POST
    @Operation(summary = "Create a user")
    public Response create(NewUser request) {
        UserDto u = users.create(request);
        return Created.at(uri, u.id(), u);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a user")
    public UserDto get(@PathParam("id") Long id) {
        return users.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a user")
    public UserDto update(@PathParam("id") Long id, UserUpdate update) {
        return users.update(id, update);
    }

    @PUT
    @Path("{id}/password")
    @Operation(summary = "Set a user's password")
    public UserDto password(@PathParam("id") Long id, PasswordChange change) {
        return users.changePassword(id, change == null ? null : change.password());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a user without VMs")
    public Response delete(@PathParam("id") Long id) {
        users.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/block")
    @Operation(summary = "Block a user")
    public UserDto block(@PathParam("id") Long id) {
        return users.block(id);
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock a user")
    public UserDto unblock(@PathParam("id") Long id) {
        return users.unblock(id);
    }
}
