package org.qvd.vmas.account.boundary;

import java.time.Instant;
import java.util.List;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.Role;

/** An administrator as services return it (never the password hash). */
public record AdministratorDto(
        Long id,
        Long tenantId,
        String tenantName,
        String name,
        String description,
        boolean blocked,
        List<String> roles,
        Instant createdAt)
        implements AccountDto {

    public static AdministratorDto of(Administrator a) {
        return new AdministratorDto(
                a.getId(),
                a.getTenant().getId(),
                a.getTenant().getName(),
                a.getName(),
                a.getDescription(),
                a.isBlocked(),
                a.getRoles().stream().map(Role::getName).sorted().toList(),
                a.getCreatedAt());
    }

    @Override
    public String accountName() {
        return name;
    }

    @Override
    public String auditName() {
        return name + "@" + tenantName;
    }
}
