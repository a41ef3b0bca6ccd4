package org.qvd.api.account.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.account.boundary.UserDto;

/** A user as the API shows it. */
@Schema(name = "User", description = "a person who owns VMs; logs in to the L7R as `login@tenant`")
public record UserRepresentation(
        Long id,
        Long tenantId,
        String tenantName,
        String login,
        String description,

        @Schema(description = "a blocked user cannot connect")
        boolean blocked,

        Instant createdAt) {

    static UserRepresentation of(UserDto u) {
        return new UserRepresentation(
                u.id(), u.tenantId(), u.tenantName(), u.login(), u.description(), u.blocked(), u.createdAt());
    }
}
