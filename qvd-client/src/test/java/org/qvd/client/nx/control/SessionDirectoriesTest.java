package org.qvd.client.nx.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionDirectoriesTest {

    @TempDir
    Path base;

    @Test
    void keepsTheNewestSessionDirectoriesAndNothingElseIsTouched() throws Exception {
        for (int i = 0; i < 5; i++) {
            Path session = Files.createDirectories(base.resolve("session-" + i).resolve("S-1"));
            Files.writeString(session.resolve("errors"), "log");
            Files.setLastModifiedTime(base.resolve("session-" + i), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Files.writeString(base.resolve("unrelated"), "x");

        SessionDirectories.prune(base, 2);

        try (Stream<Path> left = Files.list(base)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("session-3", "session-4", "unrelated");
        }
    }
}
