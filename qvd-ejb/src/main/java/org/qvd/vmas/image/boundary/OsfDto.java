package org.qvd.vmas.image.boundary;

import java.time.Instant;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.audit.AuditSubject;

/** An OS flavour as services return it; {@code kind} is {@code vm} or {@code container}. */
public record OsfDto(
        Long id,
        Long tenantId,
        String name,
        int memoryMb,
        boolean useOverlay,
        int userStorageMb,
        String description,
        Instant createdAt,
        String kind)
        implements AuditSubject {

    public static OsfDto of(Osf o) {
        return new OsfDto(
                o.getId(),
                o.getTenant().getId(),
                o.getName(),
                o.getMemoryMb(),
                o.isUseOverlay(),
                o.getUserStorageMb(),
                o.getDescription(),
                o.getCreatedAt(),
                o.getKind().wireName());
    }

    @Override
    public String auditName() {
        return name;
    }
}
