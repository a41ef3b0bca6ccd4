package org.qvd.vmas.identity.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.qvd.vmas.identity.entity.SsoRoleMapping;

/** A single sign-on role mapping as admins see it. */
public record SsoMappingDto(
        Long id,
        Long tenantId,
        String tenantName,
        String claim,
        String value,
        Long roleId,
        String roleName,
        Instant createdAt)
        implements Serializable {

    public static SsoMappingDto of(SsoRoleMapping m) {
        return new SsoMappingDto(
                m.getId(),
                m.getTenant().getId(),
                m.getTenant().getName(),
                m.getClaim(),
                m.getClaimValue(),
                m.getRole().getId(),
                m.getRole().getName(),
                m.getCreatedAt());
    }
}
