package org.qvd.vmas.property.boundary;

import java.util.Locale;
import org.qvd.vmas.platform.audit.AuditSubject;
import org.qvd.vmas.property.entity.Property;

/** One property of one object. */
public record PropertyDto(Long id, String objectType, long objectId, String key, String value) implements AuditSubject {

    public static PropertyDto of(Property p) {
        return new PropertyDto(
                p.getId(),
                p.getObjectType().name().toLowerCase(Locale.ROOT),
                p.getObjectId(),
                p.getKey(),
                p.getValue());
    }

    @Override
    public String auditName() {
        return objectType + ":" + objectId + ":" + key;
    }
}
