package org.qvd.vmas.image.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Inputs of {@link OsfService}. */
public final class OsfRequests {

    private OsfRequests() {}

    /** {@code vm} or {@code container} (issue 17). */
    public static final String KIND = "vm|container";

    /**
     * A new OSF; null memory/overlay take the configured defaults (osf.default.memory / osf.default.overlay), a null
     * kind is {@code vm}.
     */
    public record NewOsf(
            Long tenantId,
            @NotBlank @Size(max = 64) String name,
            @Min(1) @Max(1048576) Integer memoryMb,
            Boolean useOverlay,
            @Min(0) @Max(16777216) Integer userStorageMb,
            @Size(max = 1024) String description,

            @Pattern(regexp = KIND, message = "must be vm or container")
            String kind) {}

    /** Changes; null keeps the current value. */
    public record OsfUpdate(
            @Size(min = 1, max = 64) String name,
            @Min(1) @Max(1048576) Integer memoryMb,
            Boolean useOverlay,
            @Min(0) @Max(16777216) Integer userStorageMb,
            @Size(max = 1024) String description,

            @Pattern(regexp = KIND, message = "must be vm or container")
            String kind) {}

    /** List filter; null = any. */
    public record OsfFilter(Long tenantId, String name) {
        public static OsfFilter any() {
            return new OsfFilter(null, null);
        }
    }
}
