package org.qvd.api.identity.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.Created;
import org.qvd.vmas.identity.boundary.SsoMappingInput;
import org.qvd.vmas.identity.boundary.SsoMappingService;

/** Single sign-on (OpenID Connect) for administrators: the provider's claims mapped to a tenant and its roles. */
@Path("sso-mappings")
@Tag(name = "sso-mappings", description = "administrators' single sign-on: claim values mapped to tenants and roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SsoMappingResource {

    @EJB
    SsoMappingService mappings;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List single sign-on role mappings",
            description = "ACL sso.see; a tenant administrator sees its own tenant's. Filter: tenantId (superadmins).")
    public List<SsoMappingRepresentation> list(@QueryParam("tenantId") Long tenantId) {
        return mappings.list(tenantId).stream()
                .map(SsoMappingRepresentation::of)
                .toList();
    }

    @POST
    @Operation(
            summary = "Map a claim value to a tenant's role",
            description = "ACL sso.update. An administrator who logs in through the identity provider gets every role"
                    + " whose claim (e.g. groups) holds the value; all its mappings must name one tenant. The role is"
                    + " the tenant's or a fixed one (400 sso.invalid_mapping); the same mapping twice: 409"
                    + " sso.duplicate_mapping.")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = SsoMappingRepresentation.class)))
    public Response create(SsoMappingInput input) {
        SsoMappingRepresentation m = SsoMappingRepresentation.of(mappings.create(input));
        return Created.at(uri, m.id(), m);
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a single sign-on role mapping",
            description = "ACL sso.update; administrators it made keep its role until their next single sign-on.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD)
    public void delete(@PathParam("id") Long id) {
        mappings.delete(id);
    }
}
