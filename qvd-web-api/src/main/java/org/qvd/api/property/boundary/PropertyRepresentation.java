package org.qvd.api.property.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.property.boundary.PropertyDto;

/** A property as the API shows it. */
@Schema(
        name = "Property",
        description = "a free key/value pair on a user, VM, host, OSF or DI; it flows into the "
                + "session parameters (later ones override: OSF, DI, user, VM)")
public record PropertyRepresentation(
        Long id,
        @Schema(description = "vm, user, host, osf or di") String objectType,
        long objectId,
        String key,
        String value) {

    static PropertyRepresentation of(PropertyDto p) {
        return new PropertyRepresentation(p.id(), p.objectType(), p.objectId(), p.key(), p.value());
    }
}
