package org.qvd.client.nx.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Keeps the newest few {@code session-*} directories of nxproxy and deletes the rest. */
final class SessionDirectories {

    private SessionDirectories() {}

    static void prune(Path base, int keep) throws IOException {
        List<Path> sessions;
        try (Stream<Path> children = Files.list(base)) {
            sessions = children.filter(p -> p.getFileName().toString().startsWith("session-") && Files.isDirectory(p))
                    .sorted(Comparator.comparing(SessionDirectories::modified).reversed())
                    .toList();
        }
        for (Path old : sessions.subList(Math.min(keep, sessions.size()), sessions.size())) {
            deleteTree(old);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
