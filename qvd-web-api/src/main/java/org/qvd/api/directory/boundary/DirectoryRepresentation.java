package org.qvd.api.directory.boundary;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.directory.boundary.DirectoryDto;

/** A directory as the API shows it: never its bind secret, only whether one is set. */
@Schema(
        name = "Directory",
        description = "a tenant's LDAP / Active Directory; its users log in as `login@tenant` with "
                + "their directory password")
public record DirectoryRepresentation(
        Long id,
        Long tenantId,
        String tenantName,

        @Schema(description = "ldaps://host[:636], or ldap://host[:389] with startTls")
        String url,

        boolean startTls,

        @Schema(description = "PEM certificate(s) the server's certificate must chain to; absent: the JVM's CAs")
        String caPem,

        @Schema(description = "the service account that searches users and groups; absent: anonymous")
        String bindDn,

        @Schema(description = "whether a bind secret is stored (it is never shown)")
        boolean bindSecretSet,

        String userBaseDn,

        @Schema(description = "%u is the login, e.g. (sAMAccountName=%u)")
        String userFilter,

        String groupBaseDn,

        @Schema(description = "%d is the user's DN, %u the login")
        String groupFilter,

        @Schema(description = "a group (cn or DN) a user must belong to, if any")
        String requiredGroup,

        @Schema(description = "whether the tenant's local users (with a password of their own) still log in")
        boolean localUsers,

        @Schema(description = "the OSF of the VM a first login gets, unless a group maps to another")
        Long provisionOsfId,

        String provisionTag,

        @Schema(description = "seconds a lookup is reused; bounds how long a removed user can still log in")
        int cacheSeconds,

        boolean enabled,

        @Schema(description = "group name -> OSF id; the first matching group by name wins")
        Map<String, Long> groupOsfs,

        Instant createdAt) {

    static DirectoryRepresentation of(DirectoryDto d) {
        return new DirectoryRepresentation(
                d.id(),
                d.tenantId(),
                d.tenantName(),
                d.url(),
                d.startTls(),
                d.caPem(),
                d.bindDn(),
                d.bindSecretSet(),
                d.userBaseDn(),
                d.userFilter(),
                d.groupBaseDn(),
                d.groupFilter(),
                d.requiredGroup(),
                d.localUsers(),
                d.provisionOsfId(),
                d.provisionTag(),
                d.cacheSeconds(),
                d.enabled(),
                d.groupOsfs(),
                d.createdAt());
    }
}
