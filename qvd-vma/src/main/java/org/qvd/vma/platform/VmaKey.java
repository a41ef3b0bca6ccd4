package org.qvd.vma.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-VM secret that every caller of the VMA must present in {@code X-QVD-VMA-Key} (contract C1): the VMAS
 * draws a new one at each start, the host agent hands it to the guest as the SMBIOS type-11 OEM string
 * {@code qvd.vma.key=<64 hex>}, and only the host and the L7R learn it. Read once at start from the firmware tables
 * (root-only {@code /sys/firmware/dmi/entries/11-*}{@code /raw}), else {@code dmidecode -t 11}; {@code vma.key} in
 * the configuration wins (tests on a host). Never logged.
 */
public final class VmaKey {
    public static final String HEADER = "X-QVD-VMA-Key";
    private static final Logger LOG = Logger.getLogger(VmaKey.class.getName());
    private static final Pattern OEM_STRING = Pattern.compile("qvd\\.vma\\.key=([0-9a-f]{64})");
    private static final Path DMI_ENTRIES = Path.of("/sys/firmware/dmi/entries");

    private final byte[] key;

    private VmaKey(String key) {
        this.key = key == null ? null : key.getBytes(StandardCharsets.US_ASCII);
    }

    /** No key: every call is accepted (images booted by hosts that give none), with a warning at start. */
    public static VmaKey none() {
        return new VmaKey(null);
    }

    public static VmaKey of(String key) {
        return new VmaKey(key);
    }

    /** The configured key, else the OEM string of the firmware tables, else none. */
    public static VmaKey load(String configured) {
        if (configured != null && !configured.isBlank()) {
            return of(configured.trim());
        }
        Optional<String> fromFirmware = fromDmiEntries(DMI_ENTRIES).or(VmaKey::fromDmidecode);
        if (fromFirmware.isEmpty()) {
            LOG.warning("no VMA key (no qvd.vma.key OEM string, no vma.key): every caller is accepted; the host "
                    + "agent of this release always gives one, so this VM was started by an older one or by hand");
        } else {
            LOG.info("VMA key read from the firmware's OEM strings: callers must present it");
        }
        return new VmaKey(fromFirmware.orElse(null));
    }

    static Optional<String> fromDmiEntries(Path entries) {
        if (!Files.isDirectory(entries)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> type11 = Files.newDirectoryStream(entries, "11-*")) {
            for (Path entry : type11) {
                Optional<String> key =
                        find(new String(Files.readAllBytes(entry.resolve("raw")), StandardCharsets.ISO_8859_1));
                if (key.isPresent()) {
                    return key;
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "cannot read the OEM strings under " + entries + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<String> fromDmidecode() {
        for (Path binary : List.of(Path.of("/usr/sbin/dmidecode"), Path.of("/sbin/dmidecode"))) {
            if (!Files.isExecutable(binary)) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(binary.toString(), "-t", "11")
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                p.waitFor(10, TimeUnit.SECONDS);
                return find(out);
            } catch (IOException e) {
                LOG.warning(() -> "dmidecode failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.empty();
    }

    static Optional<String> find(String text) {
        Matcher m = OEM_STRING.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public boolean required() {
        return key != null;
    }

    /** True when no key is required or {@code presented} equals it (constant-time comparison). */
    public boolean admits(String presented) {
        if (key == null) {
            return true;
        }
        return presented != null && MessageDigest.isEqual(key, presented.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
