package org.qvd.vmas.account.boundary;

import java.time.Instant;
import org.qvd.vmas.account.entity.AppUser;

/** A user as services return it (never the password hash). */
public record UserDto(
        Long id, Long tenantId, String tenantName, String login, String description, boolean blocked, Instant createdAt)
        implements AccountDto {

    public static UserDto of(AppUser u) {
        return new UserDto(
                u.getId(),
                u.getTenant().getId(),
                u.getTenant().getName(),
                u.getLogin(),
                u.getDescription(),
                u.isBlocked(),
                u.getCreatedAt());
    }

    @Override
    public String accountName() {
        return login;
    }

    @Override
    public String auditName() {
        return login + "@" + tenantName;
    }
}
