package org.qvd.vmas.audit.boundary;

import java.time.Instant;

/** Audit list filter; null = any. result: "ok" or an error code. */
public record AuditFilter(
        Long tenantId,
        String adminName,
        String action,
        String objectType,
        Long objectId,
        String result,
        Instant from,
        Instant to) {

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    public static AuditFilter ofObject(String objectType, Long objectId) {
        return new AuditFilter(null, null, null, objectType, objectId, null, null, null);
    }
}
