package org.qvd.hkd.vm.entity;

import java.nio.file.Path;

/** The three libvirt directory pools the agent uses and where they live. */
public record StorageLayout(
        String imagesPool, Path imagesDir, String overlaysPool, Path overlaysDir, String homesPool, Path homesDir) {

    public static StorageLayout of(String poolPrefix, String imagesDir, String overlaysDir, String homesDir) {
        return new StorageLayout(
                poolPrefix + "-images",
                Path.of(imagesDir),
                poolPrefix + "-overlays",
                Path.of(overlaysDir),
                poolPrefix + "-homes",
                Path.of(homesDir));
    }

    /** A DI path from a command: relative to the images directory, or absolute. */
    public Path diskImage(String diPath) {
        return imagesDir.resolve(diPath).normalize();
    }
}
