package org.qvd.config.boundary;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Configuration keys, global (superadmins, no tenantId) or per tenant. */
@Path("config")
@Tag(name = "config", description = "configuration keys and their effective values")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConfigResource {

    @EJB
    ConfigService config;

    /** A key's new value. */
    public record Value(String value) {
    }

    @GET
    @Operation(summary = "Every known or stored key with its effective value", description = "filter: key (contains)")
    public List<ConfigDto> list(@QueryParam("tenantId") Long tenantId, @QueryParam("key") String key) {
        return config.list(tenantId).stream().filter(c -> key == null || c.key().contains(key)).toList();
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One key's effective value")
    public ConfigDto get(@QueryParam("tenantId") Long tenantId, @PathParam("key") String key) {
        return config.get(tenantId, key);
    }

    @PUT
    @Path("{key}")
    @Operation(summary = "Set a key (typed keys are checked)")
    public ConfigDto set(@QueryParam("tenantId") Long tenantId, @PathParam("key") String key, Value value) {
        return config.set(tenantId, key, value == null ? null : value.value());
    }

    @DELETE
    @Path("{key}")
    @Operation(summary = "Remove a stored value so the next level applies; answers the new effective value")
    public ConfigDto delete(@QueryParam("tenantId") Long tenantId, @PathParam("key") String key) {
        return config.delete(tenantId, key);
    }
}
