package org.qvd.vmas.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Images for the ITs: a few bytes stand for an image (the hosts of these ITs are stand-ins), uploaded, or dropped
 * in the server's staging directory (set for these ITs in arquillian.xml) as images/build.sh leaves them.
 */
public final class TestImages {

    public static final Path STAGING = Path.of(System.getProperty("qvd.images.staging", "/nonexistent"));
    public static final Path STORAGE = Path.of(System.getProperty("qvd.images.dir", "/nonexistent"));

    private TestImages() {}

    public static InputStream content() {
        return new ByteArrayInputStream("QFI test image".getBytes(StandardCharsets.US_ASCII));
    }

    /** Stages {@code <base>.qcow2}, with a kernel, an initrd and their metadata when it boots directly. */
    public static String stage(String base, boolean directBoot) {
        try {
            Files.createDirectories(STAGING);
            Files.writeString(STAGING.resolve(base + ".qcow2"), "qcow2 bytes of " + base);
            if (directBoot) {
                Files.writeString(STAGING.resolve(base + ".vmlinuz"), "kernel");
                Files.writeString(STAGING.resolve(base + ".initrd"), "initrd");
                Files.writeString(STAGING.resolve(base + ".json"), """
                        {"name": "qvd-desktop", "version": "1", "image": "%s.qcow2", "kernel": "%s.vmlinuz",
                         "initrd": "%s.initrd", "cmdline": "root=/dev/vda rw console=ttyS0"}
                        """.formatted(base, base, base));
            }
            return base + ".qcow2";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
