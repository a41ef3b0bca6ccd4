package org.qvd.hkd.vm.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.qvd.hkd.platform.HkdException;

/**
 * The first 512 bytes a guest's firmware would read from a disk image, through its qcow2 chain
 * ({@code qemu-img dd}). A disk whose sector 0 lacks the 0x55AA signature is not bootable by BIOS (an MBR, or
 * a GPT disk's protective MBR, always has it).
 */
final class BootSector {

    private static final Logger LOG = Logger.getLogger(BootSector.class.getName());
    private static final int SIZE = 512;

    private BootSector() {}

    /** Throws "no bootable disk" for a readable image whose first sector has no boot signature. */
    static void requireBootable(Path image) {
        if (!Files.isReadable(image)) {
            return;
        }
        read(image).filter(sector -> !hasSignature(sector)).ifPresent(sector -> {
            throw new HkdException(
                    StartFailures.NO_BOOTABLE_DISK + ": the first sector of " + image + " has no boot signature");
        });
    }

    static boolean hasSignature(byte[] sector) {
        return sector.length >= SIZE && (sector[510] & 0xff) == 0x55 && (sector[511] & 0xff) == 0xaa;
    }

    /** The first sector, or empty when it cannot be read (no qemu-img, not readable): then nothing is judged. */
    static Optional<byte[]> read(Path image) {
        Path out = null;
        try {
            out = Files.createTempFile("qvd-boot-sector-", ".raw");
            Files.delete(out); // qemu-img dd creates it
            Process process = new ProcessBuilder(
                            "qemu-img", "dd", "-O", "raw", "bs=" + SIZE, "count=1", "if=" + image, "of=" + out)
                    .redirectErrorStream(true)
                    .start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes());
            }
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                String said = output.strip();
                LOG.fine(() -> "cannot read the boot sector of " + image + ": " + said);
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(out);
            return bytes.length < SIZE ? Optional.empty() : Optional.of(Arrays.copyOf(bytes, SIZE));
        } catch (IOException e) {
            LOG.fine(() -> "cannot read the boot sector of " + image + ": " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    LOG.fine(() -> "cannot delete a temporary boot sector: " + e.getMessage());
                }
            }
        }
    }
}
