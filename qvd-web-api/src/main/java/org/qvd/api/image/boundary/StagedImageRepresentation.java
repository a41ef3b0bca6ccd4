package org.qvd.api.image.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.image.boundary.StagedImageDto;

/** An image waiting in the staging directory. */
@Schema(name = "StagedImage", description = "an image file in the server's staging directory")
public record StagedImageRepresentation(
        String file,
        long sizeBytes,

        @Schema(description = "from the image build's metadata, if any")
        String version,

        @Schema(description = "whether the build brings its own kernel and initrd")
        boolean directBoot,

        String description) {

    static StagedImageRepresentation of(StagedImageDto s) {
        return new StagedImageRepresentation(s.file(), s.sizeBytes(), s.version(), s.directBoot(), s.description());
    }
}
