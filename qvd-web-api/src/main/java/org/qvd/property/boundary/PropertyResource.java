package org.qvd.property.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.property.entity.PropertyOwner;
import org.qvd.vmas.platform.NotFoundException;

/** Free key/value properties of users, VMs, hosts, OSFs and DIs: {@code /properties/{vm|user|host|osf|di}/{id}}. */
@Path("properties/{objectType}/{objectId}")
@Tag(name = "properties", description = "key/value pairs on users, VMs, hosts, OSFs and DIs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PropertyResource {

    @EJB
    PropertyService properties;

    /** A property's new value. */
    public record Value(String value) {
    }

    @GET
    @Operation(summary = "List an object's properties")
    public List<PropertyDto> list(@PathParam("objectType") String type, @PathParam("objectId") long id) {
        return properties.list(owner(type), id);
    }

    @PUT
    @Path("{key}")
    @Operation(summary = "Set (create or replace) a property")
    public PropertyDto set(@PathParam("objectType") String type, @PathParam("objectId") long id,
            @PathParam("key") String key, Value value) {
        return properties.set(owner(type), id, key, value == null ? null : value.value());
    }

    @DELETE
    @Path("{key}")
    @Operation(summary = "Delete a property")
    public Response delete(@PathParam("objectType") String type, @PathParam("objectId") long id,
            @PathParam("key") String key) {
        properties.delete(owner(type), id, key);
        return Response.noContent().build();
    }

    static PropertyOwner owner(String type) {
        try {
            return PropertyOwner.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("property_owner", type);
        }
    }
}
