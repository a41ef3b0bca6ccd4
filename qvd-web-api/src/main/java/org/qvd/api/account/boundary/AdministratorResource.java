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
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorFilter;
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorUpdate;
import org.qvd.vmas.account.boundary.AdministratorRequests.NewAdministrator;
import org.qvd.vmas.account.boundary.AdministratorService;

/** Administrators and their roles; {@code GET /administrators/me} is the caller. */
@Path("administrators")
@Tag(name = "administrators", description = "people who use the WAT, the API or the CLI")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdministratorResource {

    static final String SORT = "id, name, tenant, blocked or createdAt; prefix '-' for descending";
    static final String SORT_PATTERN = "^-?(id|name|tenant|blocked|createdAt)$";

    @EJB
    AdministratorService admins;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List administrators",
            description = "ACL admin.see; tenant administrators see their own "
                    + "tenant's. Filters: tenantId (superadmins), name (contains), blocked.")
    public Page<AdministratorRepresentation> list(
            @QueryParam("tenantId") Long tenantId,
            @QueryParam("name") String name,
            @QueryParam("blocked") Boolean blocked,
            @QueryParam("sort")
                    @Parameter(description = SORT, schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN))
                    String sort,
            @BeanParam PageParams page) {
        return Page.of(
                admins.list(new AdministratorFilter(tenantId, name, blocked), page.toRequest(sort)),
                AdministratorRepresentation::of);
    }

    @GET
    @Path("me")
    @Operation(
            summary = "The calling administrator and its effective ACLs",
            description = "no ACL needed: every " + "active administrator may see itself.")
    public CallerRepresentation me() {
        return CallerRepresentation.of(admins.me());
    }

    @POST
    @Operation(
            summary = "Create an administrator",
            description = "ACL admin.create; tenantId is required for "
                    + "superadmins and ignored for others. Names are unique per tenant (409 admin.duplicate); the password "
                    + "needs password.min_length characters.")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = AdministratorRepresentation.class)))
    public Response create(NewAdministrator request) {
        AdministratorRepresentation a = AdministratorRepresentation.of(admins.create(request));
        return Created.at(uri, a.id(), a);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an administrator", description = "ACL admin.see; one of another tenant answers 404.")
    public AdministratorRepresentation get(@PathParam("id") Long id) {
        return AdministratorRepresentation.of(admins.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change an administrator", description = "ACL admin.update; absent fields keep their value.")
    public AdministratorRepresentation update(@PathParam("id") Long id, AdministratorUpdate update) {
        return AdministratorRepresentation.of(admins.update(id, update));
    }

    @PUT
    @Path("{id}/password")
    @Operation(
            summary = "Set an administrator's password",
            description = "ACL admin.update.password; voids every " + "bearer token issued to it before.")
    public AdministratorRepresentation password(@PathParam("id") Long id, UserResource.PasswordChange change) {
        return AdministratorRepresentation.of(admins.changePassword(id, change == null ? null : change.password()));
    }

    @PUT
    @Path("{id}/roles/{roleId}")
    @Operation(
            summary = "Assign a role",
            description = "ACL admin.update.roles; a role the caller " + "cannot see answers 404.")
    public AdministratorRepresentation assign(@PathParam("id") Long id, @PathParam("roleId") Long roleId) {
        return AdministratorRepresentation.of(admins.assignRole(id, roleId));
    }

    @DELETE
    @Path("{id}/roles/{roleId}")
    @Operation(
            summary = "Take a role away",
            description = "ACL admin.update.roles; nobody removes its own roles " + "(409 admin.self).")
    public AdministratorRepresentation unassign(@PathParam("id") Long id, @PathParam("roleId") Long roleId) {
        return AdministratorRepresentation.of(admins.unassignRole(id, roleId));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete an administrator",
            description = "ACL admin.delete; nobody deletes itself (409 admin.self).")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD) // nothing to negotiate: 204 has no body (a client may accept only problems)
    public void delete(@PathParam("id") Long id) {
        admins.delete(id);
    }

    @POST
    @Path("{id}/block")
    @Operation(
            summary = "Block an administrator",
            description = "ACL admin.update.block; it can no longer log in " + "and its bearer tokens stop working.")
    public AdministratorRepresentation block(@PathParam("id") Long id) {
        return AdministratorRepresentation.of(admins.block(id));
    }

    @POST
    @Path("{id}/unblock")
    @Operation(
            summary = "Unblock an administrator",
            description = "ACL admin.update.block; tokens issued before " + "the block stay void.")
    public AdministratorRepresentation unblock(@PathParam("id") Long id) {
        return AdministratorRepresentation.of(admins.unblock(id));
    }
}
