package org.qvd.vmas.config.boundary;

import org.qvd.vmas.platform.audit.AuditSubject;

/**
 * A configuration key as it applies to a tenant: the effective value and where it comes from
 * ({@code tenant}, {@code global} or {@code default}); type/description for catalogued keys.
 */
public record ConfigDto(String key, String value, String source, String type, String defaultValue, String description)
        implements AuditSubject {

    @Override
    public Long id() {
        return null;
    }

    @Override
    public String auditName() {
        return key;
    }
}
