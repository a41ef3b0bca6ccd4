package org.qvd.api.account.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.account.boundary.AdministratorDto;

/** An administrator as the API shows it (never its password hash). */
@Schema(name = "Administrator", description = "someone who uses the WAT, the API or the CLI, as `name@tenant`")
public record AdministratorRepresentation(
        Long id,
        Long tenantId,
        String tenantName,
        String name,
        String description,

        @Schema(description = "a blocked administrator cannot log in")
        boolean blocked,

        @Schema(description = "names of the roles assigned") List<String> roles,
        Instant createdAt) {

    static AdministratorRepresentation of(AdministratorDto a) {
        return new AdministratorRepresentation(
                a.id(), a.tenantId(), a.tenantName(), a.name(), a.description(), a.blocked(), a.roles(), a.createdAt());
    }
}
