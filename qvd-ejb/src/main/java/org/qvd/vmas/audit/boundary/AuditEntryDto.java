package org.qvd.vmas.audit.boundary;

import java.time.Instant;
import org.qvd.vmas.audit.entity.AuditEntry;

/** One audit entry; result is {@code ok} or the error code of the refusal. */
public record AuditEntryDto(
        Long id,
        Instant at,
        Long adminId,
        String adminName,
        Long tenantId,
        String tenantName,
        boolean superadmin,
        String action,
        String objectType,
        Long objectId,
        String objectName,
        String arguments,
        String result,
        String sourceAddress) {

    public static AuditEntryDto of(AuditEntry e) {
        return new AuditEntryDto(
                e.getId(),
                e.getAt(),
                e.getAdminId(),
                e.getAdminName(),
                e.getTenantId(),
                e.getTenantName(),
                e.isSuperadmin(),
                e.getAction(),
                e.getObjectType(),
                e.getObjectId(),
                e.getObjectName(),
                e.getArguments(),
                e.getResult(),
                e.getSourceAddress());
    }

    public boolean ok() {
        return "ok".equals(result);
    }
}
