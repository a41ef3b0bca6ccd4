package org.qvd.vmas.directory.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Inputs of {@link DirectoryService}. */
public final class DirectoryRequests {

    private DirectoryRequests() {}

    /**
     * A directory's settings (create and replace). Absent: {@code userFilter} (uid=%u), {@code groupFilter} (member,
     * uniqueMember or memberUid of the user), {@code localUsers} true, {@code provisionTag} default,
     * {@code cacheSeconds} 30, {@code enabled} true; {@code bindSecret} absent keeps the stored one (empty clears it).
     */
    public record DirectoryInput(
            Long tenantId,
            @NotBlank @Size(max = 512) String url,
            Boolean startTls,
            @Size(max = 65536) String caPem,
            @Size(max = 1024) String bindDn,
            @Size(max = 1024) String bindSecret,
            @NotBlank @Size(max = 1024) String userBaseDn,
            @Size(max = 1024) String userFilter,
            @Size(max = 1024) String groupBaseDn,
            @Size(max = 1024) String groupFilter,
            @Size(max = 1024) String requiredGroup,
            Boolean localUsers,
            Long provisionOsfId,
            @Size(max = 64) String provisionTag,
            Integer cacheSeconds,
            Boolean enabled,
            Map<String, Long> groupOsfs) {

        @Override
        public String toString() {
            return "DirectoryInput[tenantId=" + tenantId + ", url=" + url + ", bindDn=" + bindDn + "]";
        }
    }
}
