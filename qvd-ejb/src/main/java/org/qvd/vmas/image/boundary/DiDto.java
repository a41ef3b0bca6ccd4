package org.qvd.vmas.image.boundary;

import java.time.Instant;
import java.util.List;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.platform.audit.AuditSubject;

/** A disk image with its tags. */
public record DiDto(
        Long id,
        Long osfId,
        String osfName,
        String version,
        String path,
        boolean blocked,
        String description,
        List<String> tags,
        Instant createdAt)
        implements AuditSubject {

    public static DiDto of(Di d) {
        return new DiDto(
                d.getId(),
                d.getOsf().getId(),
                d.getOsf().getName(),
                d.getVersion(),
                d.getPath(),
                d.isBlocked(),
                d.getDescription(),
                List.copyOf(d.getTagNames()),
                d.getCreatedAt());
    }

    @Override
    public String auditName() {
        return osfName + ":" + version;
    }
}
