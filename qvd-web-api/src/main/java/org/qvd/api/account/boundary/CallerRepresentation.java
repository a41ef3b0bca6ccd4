package org.qvd.api.account.boundary;

import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.account.boundary.CallerDto;

/** The calling administrator. */
@Schema(name = "Caller", description = "the calling administrator and what it may do")
public record CallerRepresentation(
        Long adminId,
        String name,
        Long tenantId,
        String tenantName,

        @Schema(description = "a superadmin (tenant `*`) sees and changes every tenant")
        boolean superadmin,

        @Schema(description = "the effective ACLs: granted by its roles, inherited, minus denied")
        Set<String> acls) {

    static CallerRepresentation of(CallerDto c) {
        return new CallerRepresentation(c.adminId(), c.name(), c.tenantId(), c.tenantName(), c.superadmin(), c.acls());
    }
}
