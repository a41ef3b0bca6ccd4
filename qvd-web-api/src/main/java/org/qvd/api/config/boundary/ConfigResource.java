package org.qvd.api.config.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.vmas.config.boundary.ConfigService;

/** Configuration keys, global (superadmins, no tenantId) or per tenant. */
@Path("config")
@Tag(name = "config", description = "configuration keys and their effective values")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConfigResource {

    @EJB
    ConfigService config;

    /** A key's new value. */
    @Schema(name = "ConfigValue", description = "a configuration key's new value (checked against the key's type)")
    public record Value(String value) {}

    @GET
    @Operation(
            summary = "Every known or stored key with its effective value",
            description = "ACL config.see; "
                    + "tenantId: a tenant's values (tenant administrators: always their own; superadmins without it: the "
                    + "global values). Filter: key (contains).")
    public List<ConfigRepresentation> list(@QueryParam("tenantId") Long tenantId, @QueryParam("key") String key) {
        return config.list(tenantId).stream()
                .filter(c -> key == null || c.key().contains(key))
                .map(ConfigRepresentation::of)
                .toList();
    }

    @GET
    @Path("{key}")
    @Operation(
            summary = "One key's effective value",
            description = "ACL config.see; a key that is neither " + "known nor stored answers 404 config.not_found.")
    public ConfigRepresentation get(@QueryParam("tenantId") Long tenantId, @PathParam("key") String key) {
        return ConfigRepresentation.of(config.get(tenantId, key));
    }

    @PUT
    @Path("{key}")
    @Operation(
            summary = "Set a key",
            description = "ACL config.update; global values (no tenantId) are for "
                    + "superadmins; a value that does not fit a typed key answers 400.")
    public ConfigRepresentation set(@QueryParam("tenantId") Long tenantId, @PathParam("key") String key, Value value) {
        return ConfigRepresentation.of(config.set(tenantId, key, value == null ? null : value.value()));
    }

    @DELETE
    @Path("{key}")
    @Operation(
            summary = "Remove a stored value so the next level applies",
            description = "ACL config.update; answers the key's new effective value (200, not 204).")
    public ConfigRepresentation delete(@QueryParam("tenantId") Long tenantId, @PathParam("key") String key) {
        return ConfigRepresentation.of(config.delete(tenantId, key));
    }
}
