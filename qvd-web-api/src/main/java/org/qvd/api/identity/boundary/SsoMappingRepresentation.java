package org.qvd.api.identity.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.identity.boundary.SsoMappingDto;

/** A single sign-on role mapping. */
@Schema(
        name = "SsoMapping",
        description = "tokens of the identity provider whose claim holds value make administrators of the tenant with"
                + " the role")
public record SsoMappingRepresentation(
        Long id,
        Long tenantId,
        String tenantName,
        String claim,
        String value,
        Long roleId,
        String roleName,
        Instant createdAt) {

    static SsoMappingRepresentation of(SsoMappingDto d) {
        return new SsoMappingRepresentation(
                d.id(), d.tenantId(), d.tenantName(), d.claim(), d.value(), d.roleId(), d.roleName(), d.createdAt());
    }
}
