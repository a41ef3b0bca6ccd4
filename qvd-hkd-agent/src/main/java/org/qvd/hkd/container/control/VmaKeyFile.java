package org.qvd.hkd.container.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Gives a container's VMA its per-start key (contract C1, docs/vma.md). A VM gets it as an SMBIOS OEM string; a
 * container has no firmware of its own (and must not read the host's), so the key goes into the VMA's configuration
 * ({@code vma.key}, which the VMA enforces) in the container's own copy-on-write layer: readable by root in the
 * container only, gone with the layer at the stop, never in the shared image.
 */
final class VmaKeyFile {

    static final Path CONFIG = Path.of("etc/qvd/vma.properties");

    private VmaKeyFile() {}

    /** Writes the image's VMA configuration plus the key into {@code upper}; false when the image has none. */
    static boolean write(Path base, Path upper, String key, int rootUid) throws IOException {
        Path image = base.resolve(CONFIG);
        if (!Files.isRegularFile(image, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        // overlayfs shows a directory's owner and mode from the upper layer when it exists there: copy the image's
        for (Path dir : List.of(CONFIG.getParent().getParent(), CONFIG.getParent())) {
            Path target = Files.createDirectories(upper.resolve(dir));
            Path source = base.resolve(dir);
            Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source, LinkOption.NOFOLLOW_LINKS));
            Files.setAttribute(target, "unix:uid", Files.getAttribute(source, "unix:uid", LinkOption.NOFOLLOW_LINKS));
            Files.setAttribute(target, "unix:gid", Files.getAttribute(source, "unix:gid", LinkOption.NOFOLLOW_LINKS));
        }
        Path file = upper.resolve(CONFIG);
        Files.deleteIfExists(file);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        Files.setAttribute(file, "unix:uid", rootUid);
        Files.setAttribute(file, "unix:gid", rootUid);
        Files.writeString(
                file,
                Files.readString(image).stripTrailing()
                        + "\n# the per-start VMA key (contract C1), written by the host agent for this start only\nvma.key="
                        + key
                        + "\n");
        return true;
    }
}
