package org.qvd.api.account.boundary;

import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.account.boundary.RoleDto;

/** A role as the API shows it. */
@Schema(name = "Role", description = "a set of ACLs: granted, denied and inherited from other roles")
public record RoleRepresentation(
        Long id,
        Long tenantId,
        String name,
        String description,

        @Schema(description = "a built-in role, which cannot be changed")
        boolean fixed,

        @Schema(description = "ACLs granted by this role itself")
        Set<String> granted,

        @Schema(description = "ACLs denied, also when inherited")
        Set<String> denied,

        @Schema(description = "names of the roles inherited")
        List<String> inherits,

        @Schema(description = "the resulting ACLs") Set<String> effective) {

    static RoleRepresentation of(RoleDto r) {
        return new RoleRepresentation(
                r.id(),
                r.tenantId(),
                r.name(),
                r.description(),
                r.fixed(),
                r.granted(),
                r.denied(),
                r.inherits(),
                r.effective());
    }
}
