package org.qvd.api.config.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.config.boundary.ConfigDto;

/** A configuration key as the API shows it. */
@Schema(name = "Config", description = "a configuration key with its effective value")
public record ConfigRepresentation(
        String key,
        String value,

        @Schema(description = "where the value comes from: tenant, global, default or unset")
        String source,

        @Schema(description = "the value's type; a typed key refuses other values")
        String type,

        String defaultValue,
        String description) {

    static ConfigRepresentation of(ConfigDto c) {
        return new ConfigRepresentation(c.key(), c.value(), c.source(), c.type(), c.defaultValue(), c.description());
    }
}
