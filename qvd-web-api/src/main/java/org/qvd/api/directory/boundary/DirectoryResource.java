package org.qvd.api.directory.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.Created;
import org.qvd.vmas.directory.boundary.DirectoryProbeDto;
import org.qvd.vmas.directory.boundary.DirectoryRequests.DirectoryInput;
import org.qvd.vmas.directory.boundary.DirectoryService;
import org.qvd.vmas.directory.boundary.DirectoryUserDto;

/** Tenants' user directories (LDAP / Active Directory). */
@Path("directories")
@Tag(name = "directories", description = "tenants' LDAP / Active Directory user directories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    @EJB
    DirectoryService directories;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "List directories",
            description = "ACL directory.see; a tenant administrator sees its own "
                    + "tenant's. Filter: tenantId (superadmins).")
    public List<DirectoryRepresentation> list(@QueryParam("tenantId") Long tenantId) {
        return directories.list(tenantId).stream()
                .map(DirectoryRepresentation::of)
                .toList();
    }

    @POST
    @Operation(
            summary = "Connect a tenant to its directory",
            description =
                    "ACL directory.update; one per tenant "
                            + "(409 directory.duplicate). Refused with 400 directory.invalid_settings: a URL that is neither ldaps:// "
                            + "nor ldap:// with startTls, a filter that does not parse, a user filter without %u, a DN that is none.")
    @APIResponse(
            responseCode = "201",
            description = "created",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(schema = @Schema(implementation = DirectoryRepresentation.class)))
    public Response create(DirectoryInput input) {
        DirectoryRepresentation d = DirectoryRepresentation.of(directories.create(input));
        return Created.at(uri, d.id(), d);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a directory", description = "ACL directory.see; the bind secret is never shown.")
    public DirectoryRepresentation get(@PathParam("id") Long id) {
        return DirectoryRepresentation.of(directories.get(id));
    }

    @PUT
    @Path("{id}")
    @Operation(
            summary = "Replace a directory's settings",
            description = "ACL directory.update; an absent bindSecret "
                    + "keeps the stored one, an empty one clears it. Connections and cached lookups start afresh.")
    public DirectoryRepresentation update(@PathParam("id") Long id, DirectoryInput input) {
        return DirectoryRepresentation.of(directories.update(id, input));
    }

    @DELETE
    @Path("{id}")
    @Operation(
            summary = "Delete a directory",
            description = "ACL directory.update; the users that came from it stay " + "but can no longer log in.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD)
    public void delete(@PathParam("id") Long id) {
        directories.delete(id);
    }

    @POST
    @Path("{id}/probe")
    @Operation(
            summary = "Ask the directory about a login",
            description =
                    "ACL directory.update; no password: whether "
                            + "the directory answers, finds the login, its DN and groups, whether it may log in and which OSF it gets.")
    public DirectoryProbeDto probe(@PathParam("id") Long id, @QueryParam("login") String login) {
        return directories.probe(id, login);
    }

    @GET
    @Path("{id}/users")
    @Operation(
            summary = "Users from the directory",
            description =
                    "ACL directory.see; when the directory last vouched "
                            + "for each and why it last refused one (removed from the directory, outside the required group, ...).")
    public List<DirectoryUserDto> users(@PathParam("id") Long id) {
        return directories.users(id);
    }
}
