package org.qvd.client.trust.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.qvd.client.trust.entity.Fingerprint;
import org.qvd.client.trust.entity.ServerAddress;

/**
 * The pinned certificates, one line per server like ssh's known_hosts:
 * {@code host:port SHA256:ab:cd:…}. Lines starting with {@code #} are comments.
 */
public final class KnownServers {

    private final Path file;

    public KnownServers(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CONFIG_HOME/qvd-client/known_servers}, else {@code ~/.config/qvd-client/known_servers}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config =
                xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("qvd-client").resolve("known_servers");
    }

    public Path file() {
        return file;
    }

    public Optional<Fingerprint> lookup(ServerAddress server) {
        return entry(server).map(e -> Fingerprint.parse(e.split("\\s+")[1]));
    }

    /** The 1-based line number of the server's entry, for the "remove line N" hint. */
    public int lineOf(ServerAddress server) {
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            if (matches(lines.get(i), server)) {
                return i + 1;
            }
        }
        return -1;
    }

    public void remember(ServerAddress server, Fingerprint fingerprint) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                trySetPermissions(dir, "rwx------");
            }
            boolean fresh = !Files.exists(file);
            Files.writeString(
                    file,
                    server.key() + " " + fingerprint.display() + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                trySetPermissions(file, "rw-------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Optional<String> entry(ServerAddress server) {
        return lines().stream().filter(l -> matches(l, server)).findFirst();
    }

    private static boolean matches(String line, ServerAddress server) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return false;
        }
        String[] parts = trimmed.split("\\s+");
        return parts.length >= 2 && parts[0].equals(server.key());
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void trySetPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }
}
