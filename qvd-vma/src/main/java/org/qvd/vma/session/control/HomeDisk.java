package org.qvd.vma.session.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.qvd.vma.platform.Commands;

/**
 * The user's persistent home disk (the VM's second virtio disk): formatted once, when it holds no
 * filesystem yet, and mounted on the home directory root, so files survive a new image.
 */
public final class HomeDisk {
    private static final Logger LOG = Logger.getLogger(HomeDisk.class.getName());
    private final Path device;
    private final Path mountPoint;

    public HomeDisk(Path device, Path mountPoint) {
        this.device = device;
        this.mountPoint = mountPoint;
    }

    /** Formats (only if blank) and mounts the disk; without the disk the home stays on the root disk. */
    public void ensureMounted() throws IOException {
        if (!Files.exists(device)) {
            LOG.info(() -> "no home disk " + device + ": homes stay on the system disk");
            return;
        }
        if (isMounted()) {
            return;
        }
        // blkid -p exits 2 when it finds no filesystem signature at all: only then format
        Commands.Result probe =
                Commands.run(List.of("blkid", "-p", "-o", "value", "-s", "TYPE", device.toString()), 30);
        if (probe.exitCode() == 2) {
            LOG.info(() -> "formatting blank home disk " + device);
            Commands.require(List.of("mkfs.ext4", "-q", "-L", "qvd-home", device.toString()), 300);
        } else if (!probe.ok()) {
            throw new IOException("cannot probe " + device + ": " + probe.output());
        }
        Files.createDirectories(mountPoint);
        Commands.require(List.of("mount", device.toString(), mountPoint.toString()), 60);
        LOG.info(() -> "mounted home disk " + device + " on " + mountPoint);
    }

    boolean isMounted() throws IOException {
        String target = mountPoint.toAbsolutePath().normalize().toString();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8)) {
            String[] fields = line.split(" ");
            if (fields.length > 1 && fields[1].equals(target)) {
                return true;
            }
        }
        return false;
    }
}
