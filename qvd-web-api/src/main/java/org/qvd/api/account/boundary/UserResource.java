package org.qvd.api.account.boundary;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.Created;
import org.qvd.api.platform.Page;
import org.qvd.api.platform.PageParams;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserRequests.UserFilter;
import org.qvd.vmas.account.boundary.UserRequests.UserUpdate;
import org.qvd.vmas.account.boundary.UserService;

/** Users, the people who own VMs. */
@Path("users")
@Tag(name = "users", description = "the people who own VMs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    static final String SORT = "id, login, tenant, blocked or createdAt; prefix '-' for descending";
    static final String SORT_PATTERN = "^-?(id|login|tenant|blocked|createdAt)$";

    @EJB
    UserService users;

    @Context
    UriInfo uri;

    /** A new password. */
    @Schema(name = "PasswordChange", description = "a new password (password.min_length characters at least)")
    public record PasswordChange(String password) {}

    @GET
    @Operation(
            summary = "List users",
            description = "ACL user.see; tenant administrators see their tenant's users. "
                    + "Filters: tenantId (superadmins), login (contains), blocked.")
    public Page<UserRepresentation> list(
            @QueryParam("tenantId") Long tenantId,
            @QueryParam("login") String login,
            @QueryParam("blocked") Boolean blocked,
            @QueryParam("sort")
                    @Parameter(description = SORT, schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN))
                    String sort,
            @BeanParam PageParams page) {
        return Page.of(
                users.list(new UserFilter(tenantId, login, blocked), page.toRequest(sort)), UserRepresentation::of);
    }

    @POST
    @Operation(
            summary = "Create a user",
            description = "ACL user.create; tenantId is required for superadmins and "
                    + "ignored for others (their own tenant). Logins are unique per tenant (409 user.duplicate); the password "
                    + "needs password.min_length characters (400 password.too_short).")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = UserRepresentation.class)))
    public Response create(NewUser request) {
        UserRepresentation u = UserRepresentation.of(users.create(request));
        return Created.at(uri, u.id(), u);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a user", description = "ACL user.see; a user of another tenant answers 404.")
    public UserRepresentation get(@PathParam("id") Long id) {
        return UserRepresentation.of(users.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a user", description = "ACL user.update; absent fields keep their value.")
    public UserRepresentation update(@PathParam("id") Long id, UserUpdate update) {
        return UserRepresentation.of(users.update(id, update));
    }

    @PUT
    @Path("{id}/password")
    @Operation(
            summary = "Set a user's password",
            description = "ACL user.update.password; the password is stored " + "hashed and never shown.")
    public UserRepresentation password(@PathParam("id") Long id, PasswordChange change) {
        return UserRepresentation.of(users.changePassword(id, change == null ? null : change.password()));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a user without VMs",
            description = "ACL user.delete; a user who still owns VMs " + "answers 409 user.in_use.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD) // nothing to negotiate: 204 has no body (a client may accept only problems)
    public void delete(@PathParam("id") Long id) {
        users.delete(id);
    }

    @POST
    @Path("{id}/block")
    @Operation(summary = "Block a user", description = "ACL user.update.block; a blocked user cannot connect.")
    public UserRepresentation block(@PathParam("id") Long id) {
        return UserRepresentation.of(users.block(id));
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock a user", description = "ACL user.update.block.")
    public UserRepresentation unblock(@PathParam("id") Long id) {
        return UserRepresentation.of(users.unblock(id));
    }
}
