package org.qvd.api.image.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.image.boundary.DiDto;

/** A DI as the API shows it. */
@Schema(name = "Di", description = "a disk image of an OSF, picked by its tags")
public record DiRepresentation(
        Long id,
        Long osfId,
        String osfName,
        String version,

        @Schema(description = "the image file in the hosts' image storage")
        String path,

        @Schema(description = "a blocked DI is never used for new starts")
        boolean blocked,

        String description,

        @Schema(description = "its tags: its version, and e.g. `head`, `default`")
        List<String> tags,

        Instant createdAt) {

    static DiRepresentation of(DiDto d) {
        return new DiRepresentation(
                d.id(),
                d.osfId(),
                d.osfName(),
                d.version(),
                d.path(),
                d.blocked(),
                d.description(),
                d.tags(),
                d.createdAt());
    }
}
