package org.qvd.api.image.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.image.boundary.OsfDto;

/** An OSF as the API shows it. */
@Schema(name = "Osf", description = "an OS flavour: a desktop type")
public record OsfRepresentation(
        Long id,
        Long tenantId,
        String name,
        @Schema(description = "memory of each VM, in MiB") int memoryMb,

        @Schema(description = "whether the system disk is a throw-away overlay of the DI")
        boolean useOverlay,

        @Schema(description = "size of the user's home disk, in MiB (0: none)")
        int userStorageMb,

        String description,
        Instant createdAt,

        @Schema(description = "what its desktops run as: a VM or a container")
        String kind) {

    static OsfRepresentation of(OsfDto o) {
        return new OsfRepresentation(
                o.id(),
                o.tenantId(),
                o.name(),
                o.memoryMb(),
                o.useOverlay(),
                o.userStorageMb(),
                o.description(),
                o.createdAt(),
                o.kind());
    }
}
