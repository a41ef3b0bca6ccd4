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
import java.util.List;
import org.qvd.account.boundary.RoleRequests.NewRole;
import org.qvd.account.boundary.RoleRequests.RoleFilter;
import org.qvd.account.boundary.RoleRequests.RoleUpdate;

/** Roles made of ACLs (granted, denied, inherited) and the catalogue of ACLs. */
@Path("roles")
@Tag(name = "roles", description = "roles and ACLs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoleResource {

    @EJB
    RoleService roles;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List roles", description = "filters: tenantId, name (contains)")
    public Page<RoleDto> list(@QueryParam("tenantId") Long tenantId, @QueryParam("name") String name,
            @BeanParam PageParams page) {
        return roles.list(new RoleFilter(tenantId, name), page.toRequest());
    }

    @GET
    @Path("acls")
    @Operation(summary = "Every ACL a role can grant or deny")
    public List<AclDto> acls() {
        return roles.acls();
    }

    @POST
    @Operation(summary = "Create a role")
    public Response create(NewRole request) {
        RoleDto r = roles.create(request);
        return Created.at(uri, r.id(), r);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a role with its effective ACLs")
    public RoleDto get(@PathParam("id") Long id) {
        return roles.get(id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a role")
    public RoleDto update(@PathParam("id") Long id, RoleUpdate update) {
        return roles.update(id, update);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a role")
    public Response delete(@PathParam("id") Long id) {
        roles.delete(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/acls/{acl}")
    @Operation(summary = "Grant an ACL")
    public RoleDto grant(@PathParam("id") Long id, @PathParam("acl") String acl) {
        return roles.grant(id, acl);
    }

    @PUT
    @Path("{id}/denied-acls/{acl}")
    @Operation(summary = "Deny an ACL (also an inherited one)")
    public RoleDto deny(@PathParam("id") Long id, @PathParam("acl") String acl) {
        return roles.deny(id, acl);
    }

    @DELETE
    @Path("{id}/acls/{acl}")
    @Operation(summary = "Forget a granted or denied ACL")
    public RoleDto forget(@PathParam("id") Long id, @PathParam("acl") String acl) {
        return roles.forget(id, acl);
    }

    @PUT
    @Path("{id}/inherits/{inheritedId}")
    @Operation(summary = "Inherit another role")
    public RoleDto inherit(@PathParam("id") Long id, @PathParam("inheritedId") Long inheritedId) {
        return roles.inherit(id, inheritedId);
    }

    @DELETE
    @Path("{id}/inherits/{inheritedId}")
    @Operation(summary = "Stop inheriting a role")
    public RoleDto disinherit(@PathParam("id") Long id, @PathParam("inheritedId") Long inheritedId) {
        return roles.disinherit(id, inheritedId);
    }
}
