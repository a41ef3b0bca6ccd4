package org.qvd.api.account.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.account.boundary.TenantDto;

/** A tenant as the API shows it. */
@Schema(name = "Tenant", description = "an isolated organisation; tenant `*` (id 0) holds the superadmins")
public record TenantRepresentation(
        Long id,
        String name,
        String description,

        @Schema(description = "a blocked tenant's users cannot connect")
        boolean blocked,

        Instant createdAt) {

    static TenantRepresentation of(TenantDto t) {
        return new TenantRepresentation(t.id(), t.name(), t.description(), t.blocked(), t.createdAt());
    }
}
