package org.qvd.vmas.directory.boundary;

import java.time.Instant;
import java.util.Map;
import org.qvd.vmas.directory.entity.Directory;
import org.qvd.vmas.directory.entity.DirectorySettings;

/** A directory as admins see it: every setting but the bind secret, of which only its presence is shown. */
public record DirectoryDto(
        Long id,
        Long tenantId,
        String tenantName,
        String url,
        boolean startTls,
        String caPem,
        String bindDn,
        boolean bindSecretSet,
        String userBaseDn,
        String userFilter,
        String groupBaseDn,
        String groupFilter,
        String requiredGroup,
        boolean localUsers,
        Long provisionOsfId,
        String provisionTag,
        int cacheSeconds,
        boolean enabled,
        Map<String, Long> groupOsfs,
        Instant createdAt) {

    public static DirectoryDto of(Directory d) {
        DirectorySettings s = d.settings();
        return new DirectoryDto(
                d.getId(),
                d.getTenant().getId(),
                d.getTenant().getName(),
                s.url(),
                s.startTls(),
                s.caPem(),
                s.bindDn(),
                d.hasBindSecret(),
                s.userBaseDn(),
                s.userFilter(),
                s.groupBaseDn(),
                s.groupFilter(),
                s.requiredGroup(),
                s.localUsers(),
                s.provisionOsfId(),
                s.provisionTag(),
                s.cacheSeconds(),
                s.enabled(),
                Map.copyOf(s.groupOsfs()),
                d.getCreatedAt());
    }
}
