package org.qvd.vma.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmaKeyTest {
    private static final String KEY = "0123456789abcdef".repeat(4);

    /** An SMBIOS type-11 structure as the kernel exposes it: header, string count, then NUL-ended strings. */
    @Test
    void findsTheKeyAmongTheOemStringsOfTheFirmwareTables(@TempDir Path dmi) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(new byte[] {11, 5, 0x00, 0x0b, 2});
        raw.writeBytes(("other=1\0qvd.vma.key=" + KEY + "\0\0").getBytes(StandardCharsets.US_ASCII));
        Files.createDirectories(dmi.resolve("11-0"));
        Files.write(dmi.resolve("11-0/raw"), raw.toByteArray());
        Files.createDirectories(dmi.resolve("1-0"));
        Files.write(dmi.resolve("1-0/raw"), new byte[] {1, 4, 0, 0});
        assertThat(VmaKey.fromDmiEntries(dmi)).contains(KEY);
        assertThat(VmaKey.fromDmiEntries(dmi.resolve("absent"))).isEmpty();
    }

    @Test
    void admitsOnlyTheSameKeyWhenOneIsSet() {
        VmaKey key = VmaKey.of(KEY);
        assertThat(key.required()).isTrue();
        assertThat(key.admits(KEY)).isTrue();
        assertThat(key.admits(KEY.substring(1) + "0")).isFalse();
        assertThat(key.admits(null)).isFalse();
        assertThat(key.admits("")).isFalse();
        assertThat(VmaKey.none().admits(null)).isTrue();
    }

    @Test
    void aConfiguredKeyWins() {
        assertThat(VmaKey.load(KEY).admits(KEY)).isTrue();
    }
}
