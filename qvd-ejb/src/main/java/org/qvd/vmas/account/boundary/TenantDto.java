package org.qvd.vmas.account.boundary;

import java.time.Instant;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.audit.AuditSubject;

/** A tenant as services return it. */
public record TenantDto(Long id, String name, String description, boolean blocked, Instant createdAt)
        implements AuditSubject {

    public static TenantDto of(Tenant t) {
        return new TenantDto(t.getId(), t.getName(), t.getDescription(), t.isBlocked(), t.getCreatedAt());
    }

    @Override
    public String auditName() {
        return name;
    }
}
