package org.qvd.vmas.property.entity;

import jakarta.persistence.Converter;
import org.qvd.vmas.platform.WireEnumConverter;

/** Stores {@link PropertyOwner} as its lower-case name. */
@Converter(autoApply = true)
public class PropertyOwnerConverter extends WireEnumConverter<PropertyOwner> {
    public PropertyOwnerConverter() {
        super(PropertyOwner.class);
    }
}
