package org.qvd.vmas.vm.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Inputs of {@link VmService}. */
public final class VmRequests {

    private VmRequests() {}

    /** A new VM; a null tag means 'default', a null IP is allocated from vm.network.ip.start..end. */
    public record NewVm(
            @NotNull Long userId,
            @NotNull Long osfId,
            @NotBlank @Size(max = 64) String name,
            @Size(max = 64) String diTag,
            @Size(max = 45) String ip,
            @Size(max = 1024) String description) {}

    /** Changes; null keeps the current value. Expirations are set together (both null = keep). */
    public record VmUpdate(
            @Size(min = 1, max = 64) String name,
            @Size(min = 1, max = 64) String diTag,
            @Size(max = 45) String ip,
            @Size(max = 1024) String description,
            Instant expirationSoft,
            Instant expirationHard) {}

    /** List filter; null = any. state is a lower-case state name. */
    public record VmFilter(
            Long tenantId, Long userId, Long osfId, Long hostId, String name, String state, Boolean blocked) {
        public static VmFilter any() {
            return new VmFilter(null, null, null, null, null, null, null);
        }
    }
}
