package org.qvd.api.account.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.qvd.vmas.account.boundary.TenantRequests.NewTenant;
import org.qvd.vmas.account.boundary.TenantRequests.TenantFilter;
import org.qvd.vmas.account.boundary.TenantRequests.TenantUpdate;
import org.qvd.vmas.account.boundary.TenantService;

/** Tenants (superadmins change them; other admins see their own). */
@Path("tenants")
@Tag(name = "tenants", description = "isolated organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    static final String SORT = "id, name or createdAt; prefix '-' for descending";
    static final String SORT_PATTERN = "^-?(id|name|createdAt)$";

    @EJB
    TenantService tenants;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List tenants",
            description = "ACL tenant.see; a tenant administrator sees its own tenant. "
                    + "Filters: name (contains), blocked.")
    public Page<TenantRepresentation> list(
            @QueryParam("name") String name,
            @QueryParam("blocked") Boolean blocked,
            @QueryParam("sort")
                    @Parameter(description = SORT, schema = @Schema(type = SchemaType.STRING, pattern = SORT_PATTERN))
                    String sort,
            @BeanParam PageParams page) {
        return Page.of(tenants.list(new TenantFilter(name, blocked), page.toRequest(sort)), TenantRepresentation::of);
    }

    @POST
    @Operation(
            summary = "Create a tenant",
            description = "superadmins only (ACL tenant.create); names are unique " + "(409 tenant.duplicate).")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = TenantRepresentation.class)))
    public Response create(NewTenant request) {
        TenantRepresentation t = TenantRepresentation.of(tenants.create(request));
        return Created.at(uri, t.id(), t);
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get a tenant",
            description = "ACL tenant.see; another tenant than the caller's answers 404 "
                    + "unless the caller is a superadmin.")
    public TenantRepresentation get(@PathParam("id") Long id) {
        return TenantRepresentation.of(tenants.get(id));
    }

    @PATCH
    @Path("{id}")
    @Operation(
            summary = "Change a tenant",
            description = "superadmins only (ACL tenant.update); absent fields keep " + "their value.")
    public TenantRepresentation update(@PathParam("id") Long id, TenantUpdate update) {
        return TenantRepresentation.of(tenants.update(id, update));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete an empty tenant",
            description = "superadmins only (ACL tenant.delete); a tenant that "
                    + "still has users, administrators, OSFs or roles answers 409 tenant.in_use.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD) // nothing to negotiate: 204 has no body (a client may accept only problems)
    public void delete(@PathParam("id") Long id) {
        tenants.delete(id);
    }

    @POST
    @Path("{id}/block")
    @Operation(summary = "Block a tenant", description = "ACL tenant.update.block; its users can no longer connect.")
    public TenantRepresentation block(@PathParam("id") Long id) {
        return TenantRepresentation.of(tenants.block(id));
    }

    @POST
    @Path("{id}/unblock")
    @Operation(summary = "Unblock a tenant", description = "ACL tenant.update.block.")
    public TenantRepresentation unblock(@PathParam("id") Long id) {
        return TenantRepresentation.of(tenants.unblock(id));
    }
}
