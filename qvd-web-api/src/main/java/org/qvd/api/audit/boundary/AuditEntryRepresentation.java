package org.qvd.api.audit.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.audit.boundary.AuditEntryDto;
import org.qvd.vmas.platform.audit.AuditEvent;

/** An audit entry as the API shows it. */
@Schema(name = "AuditEntry", description = "one administrative action, allowed or refused")
public record AuditEntryRepresentation(
        Long id,
        Instant at,
        Long adminId,
        String adminName,
        Long tenantId,
        String tenantName,
        boolean superadmin,
        @Schema(description = "e.g. vm.start") String action,
        String objectType,
        Long objectId,
        String objectName,

        @Schema(description = "the call's arguments (texts cut at 256 characters, passwords never)")
        String arguments,

        @Schema(description = "`ok` or the error code of the refusal")
        String result,

        @Schema(description = "the caller's address") String sourceAddress) {

    static AuditEntryRepresentation of(AuditEntryDto entry) {
        AuditEvent e = entry.event();
        return new AuditEntryRepresentation(
                entry.id(),
                entry.at(),
                e.adminId(),
                e.adminName(),
                e.tenantId(),
                e.tenantName(),
                e.superadmin(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.objectName(),
                e.arguments(),
                e.result(),
                e.sourceAddress());
    }
}
