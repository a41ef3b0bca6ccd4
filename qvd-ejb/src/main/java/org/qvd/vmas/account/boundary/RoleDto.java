package org.qvd.vmas.account.boundary;

import java.util.List;
import java.util.Set;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.platform.audit.AuditSubject;

/** A role: own grants and denials, inherited roles, and the resulting effective ACLs. */
public record RoleDto(
        Long id,
        Long tenantId,
        String name,
        String description,
        boolean fixed,
        Set<String> granted,
        Set<String> denied,
        List<String> inherits,
        Set<String> effective)
        implements AuditSubject {

    public static RoleDto of(Role r) {
        return new RoleDto(
                r.getId(),
                r.getTenant().getId(),
                r.getName(),
                r.getDescription(),
                r.isFixed(),
                r.grantedAcls(),
                r.deniedAcls(),
                r.getInherits().stream().map(Role::getName).sorted().toList(),
                r.effectiveAcls());
    }

    @Override
    public String auditName() {
        return name;
    }
}
