package org.qvd.hkd.container.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.qvd.hkd.container.entity.ContainerLayout;
import org.qvd.hkd.platform.HkdException;

/**
 * The shared, read-only root file systems of container desktops: each DI archive is unpacked once per host, inside a
 * user namespace with the containers' id map, so that its files belong to the containers' ids (root in the container
 * owns /etc, and nothing in it is owned by the host's root). Every container of that DI then runs on an overlay over
 * it, so a started container costs only what it writes.
 */
public final class RootfsBases {

    private static final Logger LOG = Logger.getLogger(RootfsBases.class.getName());
    private static final Duration UNPACK_TIMEOUT = Duration.ofMinutes(15);

    private final ContainerLayout layout;
    private final HostCommands commands;
    private final long idmapBase;
    private final int idmapSize;
    private final ConcurrentHashMap<Path, Object> locks = new ConcurrentHashMap<>();

    public RootfsBases(ContainerLayout layout, HostCommands commands, long idmapBase, int idmapSize) {
        this.layout = layout;
        this.commands = commands;
        this.idmapBase = idmapBase;
        this.idmapSize = idmapSize;
    }

    /** The unpacked tree of {@code archive}, unpacking it first if this host has not yet (one start waits for it). */
    public Path ensure(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new HkdException("image file missing: " + archive);
        }
        Path base = layout.base(archive);
        synchronized (locks.computeIfAbsent(base, b -> new Object())) {
            String stamp;
            try {
                stamp = stamp(archive);
                if (Files.isRegularFile(readyMarker(base)) && stamp.equals(readStamp(base))) {
                    return base;
                }
            } catch (IOException e) {
                throw new HkdException("cannot read container image " + archive + ": " + e.getMessage(), e);
            }
            long began = System.nanoTime();
            Path partial = base.resolveSibling(base.getFileName() + ".partial");
            try {
                Files.createDirectories(layout.basesDir());
                remove(partial);
                Files.deleteIfExists(readyMarker(base));
                remove(base);
                Files.createDirectory(partial);
                Files.setAttribute(partial, "unix:uid", (int) idmapBase);
                Files.setAttribute(partial, "unix:gid", (int) idmapBase);
                String map = "b:0:" + idmapBase + ":" + idmapSize;
                commands.require(
                        List.of(
                                "lxc-usernsexec",
                                "-m",
                                map,
                                "--",
                                "tar",
                                "-C",
                                partial.toString(),
                                "--numeric-owner",
                                "-xpf",
                                archive.toString()),
                        UNPACK_TIMEOUT);
                Files.move(partial, base, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(readyMarker(base), stamp);
            } catch (IOException e) {
                throw new HkdException("cannot unpack container image " + archive + ": " + e.getMessage(), e);
            }
            LOG.info(() -> "container image " + archive.getFileName() + " unpacked into " + base + " in "
                    + (System.nanoTime() - began) / 1_000_000 + " ms");
            return base;
        }
    }

    /**
     * Which archive a tree was unpacked from (path, size, time): an image storage reused by a new installation may
     * hold another archive under the same name, which must not start on the old tree.
     */
    private static String stamp(Path archive) throws IOException {
        return archive + " " + Files.size(archive) + " "
                + Files.getLastModifiedTime(archive).toMillis() + "\n";
    }

    private static String readStamp(Path base) throws IOException {
        return Files.readString(readyMarker(base));
    }

    /** Beside the tree, not in it: the containers see the tree as their root directory. */
    private static Path readyMarker(Path base) {
        return base.resolveSibling(base.getFileName() + ".ready");
    }

    private void remove(Path tree) {
        if (Files.exists(tree)) {
            commands.require(List.of("rm", "-rf", "--one-file-system", tree.toString()), UNPACK_TIMEOUT);
        }
    }
}
