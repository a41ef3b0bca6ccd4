package org.qvd.vmas.image.boundary;

import org.qvd.vmas.image.control.StagedImage;

/** An image waiting in the staging directory; version and directBoot come from its build metadata, if any. */
public record StagedImageDto(String file, long sizeBytes, String version, boolean directBoot, String description) {

    static StagedImageDto of(StagedImage s) {
        var m = s.metadata();
        return new StagedImageDto(
                s.file(),
                s.sizeBytes(),
                m == null ? null : m.version(),
                m != null && m.directBoot(),
                m == null ? null : m.description());
    }
}
