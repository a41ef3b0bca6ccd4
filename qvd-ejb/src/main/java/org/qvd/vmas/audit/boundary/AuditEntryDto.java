package org.qvd.vmas.audit.boundary;

import java.time.Instant;
import org.qvd.vmas.audit.entity.AuditEntry;
import org.qvd.vmas.platform.audit.AuditEvent;

/** One audit entry: when, and what the interceptors recorded ({@link AuditEvent#ok()} or the refusal's code). */
public record AuditEntryDto(Long id, Instant at, AuditEvent event) {

    public static AuditEntryDto of(AuditEntry e) {
        return new AuditEntryDto(e.getId(), e.getAt(), e.event());
    }
}
