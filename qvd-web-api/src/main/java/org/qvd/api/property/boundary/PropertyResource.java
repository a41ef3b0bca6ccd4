package org.qvd.api.property.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.platform.ApiError;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.property.boundary.PropertyService;
import org.qvd.vmas.property.entity.PropertyOwner;

/** Free key/value properties of users, VMs, hosts, OSFs and DIs: {@code /properties/{vm|user|host|osf|di}/{id}}. */
@Path("properties/{objectType}/{objectId}")
@Tag(name = "properties", description = "key/value pairs on users, VMs, hosts, OSFs and DIs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PropertyResource {

    @EJB
    PropertyService properties;

    /** A property's new value. */
    @Schema(name = "PropertyValue", description = "a property's new value")
    public record Value(String value) {}

    @GET
    @Operation(
            summary = "List an object's properties",
            description = "ACL property.see; an object of another tenant " + "answers 404.")
    public List<PropertyRepresentation> list(
            @PathParam("objectType")
                    @Parameter(
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"vm", "user", "host", "osf", "di"}))
                    String type,
            @PathParam("objectId") long id) {
        return properties.list(owner(type), id).stream()
                .map(PropertyRepresentation::of)
                .toList();
    }

    @PUT
    @Path("{key}")
    @Operation(summary = "Set (create or replace) a property", description = "ACL property.update.")
    public PropertyRepresentation set(
            @PathParam("objectType") String type,
            @PathParam("objectId") long id,
            @PathParam("key") String key,
            Value value) {
        return PropertyRepresentation.of(properties.set(owner(type), id, key, value == null ? null : value.value()));
    }

    @DELETE
    @Path("{key}")
    @Operation(
            summary = "Delete a property",
            description = "ACL property.delete; a key the object does not have " + "answers 404.")
    @APIResponse(responseCode = "204", description = "deleted")
    @Produces(MediaType.WILDCARD) // nothing to negotiate: 204 has no body (a client may accept only problems)
    public void delete(
            @PathParam("objectType") String type, @PathParam("objectId") long id, @PathParam("key") String key) {
        properties.delete(owner(type), id, key);
    }

    static PropertyOwner owner(String type) {
        try {
            return PropertyOwner.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(ApiError.PROPERTY_OWNER_NOT_FOUND, type);
        }
    }
}
