package org.qvd.system.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.qvd.launcher.QvdSystem;

/** The running server's log, read from a mark: what a probe made the server write. */
final class ServerLog {

    private final Path file;
    private long mark;

    ServerLog(QvdSystem system) {
        this.file = system.config().home().resolve("wildfly/log/server.log");
        mark();
    }

    void mark() {
        try {
            mark = Files.size(file);
        } catch (IOException e) {
            mark = 0;
        }
    }

    /** Lines written since the mark. */
    List<String> since() {
        try {
            byte[] all = Files.readAllBytes(file);
            int from = (int) Math.min(mark, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Stack-trace frames written since the mark. */
    long stackFrames() {
        return since().stream()
                .filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by: "))
                .count();
    }
}
