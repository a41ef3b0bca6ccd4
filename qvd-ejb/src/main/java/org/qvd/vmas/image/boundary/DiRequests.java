package org.qvd.vmas.image.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Inputs of {@link DiService}. */
public final class DiRequests {

    private DiRequests() {}

    /**
     * An uploaded image to register as a new DI of an OSF (the file itself is the call's body). A null version
     * becomes {@code YYYY-MM-DD-NNN}; fileName (no directories) ends the stored file's name; tag is an extra tag
     * to set, {@code default} moves 'default' to it.
     */
    public record UploadedDi(
            @NotNull Long osfId,
            @Size(max = 64) String version,
            @Size(max = 255) String fileName,
            @Size(max = 1024) String description,
            @Size(max = 64) String tag) {}

    /**
     * An image of the staging directory to register as a DI of an OSF. Version and description default to the
     * image's build metadata (else today's version); makeDefault moves 'default' to it.
     */
    public record StagedDi(
            @NotNull Long osfId,
            @NotBlank @Size(max = 255) String file,
            @Size(max = 64) String version,
            @Size(max = 1024) String description,
            boolean makeDefault) {}

    /** List filter; null = any. */
    public record DiFilter(Long tenantId, Long osfId, String version, Boolean blocked) {
        public static DiFilter any() {
            return new DiFilter(null, null, null, null);
        }
    }
}
