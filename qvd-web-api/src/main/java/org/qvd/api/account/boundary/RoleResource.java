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
import java.util.List;
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
import org.qvd.vmas.account.boundary.RoleRequests.NewRole;
import org.qvd.vmas.account.boundary.RoleRequests.RoleFilter;
import org.qvd.vmas.account.boundary.RoleRequests.RoleUpdate;
import org.qvd.vmas.account.boundary.RoleService;

/** Roles made of ACLs (granted, denied, inherited) and the catalogue of ACLs. */
@Path("roles")
@Tag(name = "roles", description = "roles and ACLs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoleResource {

    static final String SORT = "id, name or tenant; prefix '-' for descending";
    static final String SORT_PATTERN = "^-?(id|name|tenant)$";

    @EJB
    RoleService roles;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List roles",
            description = "ACL role.see; the caller's tenant's roles and those of every "
                    + "tenant. Filters: tenantId (superadmins), name (contains).")
    public Page<RoleRepresentation> list(
            @QueryParam("tenantId") Long tenantId,
            @QueryParam("name") String name,
            @QueryParam("sort")
                    @Parameter(description = SORT, schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN))
                    String sort,
            @BeanParam PageParams page) {
        return Page.of(roles.list(new RoleFilter(tenantId, name), page.toRequest(sort)), RoleRepresentation::of);
    }

    @GET
    @Path("acls")
    @Operation(summary = "Every ACL a role can grant or deny", description = "ACL role.see.")
    public List<AclRepresentation> acls() {
        return roles.acls().stream().map(AclRepresentation::of).toList();
    }

    @POST
    @Operation(
            summary = "Create a role",
            description = "ACL role.create; names are unique per tenant " + "(409 role.duplicate).")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = RoleRepresentation.class)))
    public Response create(NewRole request) {
        RoleRepresentation r = RoleRepresentation.of(roles.create(request));
        return Created.at(uri, r.id(), r);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a role with its effective ACLs", description = "ACL role.see.")
    public RoleRepresentation get(@PathParam("id") Long id) {
        return RoleRepresentation.of(roles.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a role", description = "ACL role.update; built-in roles answer 409 role.fixed.")
    public RoleRepresentation update(@PathParam("id") Long id, RoleUpdate update) {
        return RoleRepresentation.of(roles.update(id, update));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a role", description = "ACL role.delete; built-in (fixed) roles cannot be deleted.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD) // nothing to negotiate: 204 has no body (a client may accept only problems)
    public void delete(@PathParam("id") Long id) {
        roles.delete(id);
    }

    @PUT
    @Path("{id}/acls/{acl}")
    @Operation(
            summary = "Grant an ACL",
            description =
                    "ACL role.update; an ACL not in the catalogue " + "(GET /roles/acls) answers 404 acl.not_found.")
    public RoleRepresentation grant(@PathParam("id") Long id, @PathParam("acl") String acl) {
        return RoleRepresentation.of(roles.grant(id, acl));
    }

    @PUT
    @Path("{id}/denied-acls/{acl}")
    @Operation(summary = "Deny an ACL (also an inherited one)", description = "ACL role.update.")
    public RoleRepresentation deny(@PathParam("id") Long id, @PathParam("acl") String acl) {
        return RoleRepresentation.of(roles.deny(id, acl));
    }

    @DELETE
    @Path("{id}/acls/{acl}")
    @Operation(summary = "Forget a granted or denied ACL", description = "ACL role.update.")
    public RoleRepresentation forget(@PathParam("id") Long id, @PathParam("acl") String acl) {
        return RoleRepresentation.of(roles.forget(id, acl));
    }

    @PUT
    @Path("{id}/inherits/{inheritedId}")
    @Operation(summary = "Inherit another role", description = "ACL role.update; a cycle answers 400 role.cycle.")
    public RoleRepresentation inherit(@PathParam("id") Long id, @PathParam("inheritedId") Long inheritedId) {
        return RoleRepresentation.of(roles.inherit(id, inheritedId));
    }

    @DELETE
    @Path("{id}/inherits/{inheritedId}")
    @Operation(summary = "Stop inheriting a role", description = "ACL role.update.")
    public RoleRepresentation disinherit(@PathParam("id") Long id, @PathParam("inheritedId") Long inheritedId) {
        return RoleRepresentation.of(roles.disinherit(id, inheritedId));
    }
}
