package org.qvd.hkd.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command is run once, also when its copy arrives after the agent restarted, until its deadline. */
class TakenCommandsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T17:00:00Z");

    @TempDir
    Path state;

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void aCopyIsRecognisedInTheSameRun() {
        TakenCommands taken = TakenCommands.keptIn(state, at(NOW));
        assertThat(taken.take("StartVm", "c-1", NOW.plusSeconds(270))).isTrue();
        assertThat(taken.take("StartVm", "c-1", NOW.plusSeconds(270))).isFalse();
        assertThat(taken.take("StopVm", "c-1", NOW.plusSeconds(120)))
                .as("another type with the same id")
                .isTrue();
    }

    @Test
    void aCopyArrivingAfterARestartIsRecognisedUntilItsDeadline() {
        TakenCommands first = TakenCommands.keptIn(state, at(NOW));
        first.take("StartVm", "held-toward-a-dead-node", NOW.plusSeconds(270));
        first.take("StopVm", "long-expired", NOW.plusSeconds(5));

        TakenCommands restarted = TakenCommands.keptIn(state, at(NOW.plusSeconds(60)));
        assertThat(restarted.take("StartVm", "held-toward-a-dead-node", NOW.plusSeconds(270)))
                .isFalse();
        // past its deadline the dispatcher refuses any copy as expired: the entry was dropped, nothing else
        assertThat(restarted.take("StopVm", "long-expired", NOW.plusSeconds(5))).isTrue();
    }

    @Test
    void aCommandWithoutADeadlineIsRememberedInThisRunOnly() {
        TakenCommands first = TakenCommands.keptIn(state, at(NOW));
        assertThat(first.take("StartVm", "corr-start-5", null)).isTrue();
        assertThat(first.take("StartVm", "corr-start-5", null)).isFalse();
        // nothing would let a later run forget it: a test's fixed ids must not be refused in the next build
        assertThat(TakenCommands.keptIn(state, at(NOW)).take("StartVm", "corr-start-5", null))
                .isTrue();
    }

    @Test
    void aLineCutShortByACrashIsSkipped() throws Exception {
        Files.writeString(
                state.resolve("taken-commands"), (NOW.plusSeconds(100).toEpochMilli() + " StartVm intact\n") + "17650");
        TakenCommands restarted = TakenCommands.keptIn(state, at(NOW));
        assertThat(restarted.take("StartVm", "intact", NOW.plusSeconds(100))).isFalse();
        assertThat(restarted.take("StartVm", "other", NOW.plusSeconds(100))).isTrue();
    }

    @Test
    void anUnusableDirectoryLeavesItInMemory() throws Exception {
        Path notADirectory = Files.writeString(state.resolve("a-file"), "x");
        TakenCommands taken = TakenCommands.keptIn(notADirectory, at(NOW));
        assertThat(taken.take("StartVm", "c-2", NOW.plusSeconds(270))).isTrue();
        assertThat(taken.take("StartVm", "c-2", NOW.plusSeconds(270))).isFalse();
    }

    @Test
    void theFileStaysBoundedAndKeepsTheNewest() throws Exception {
        TakenCommands taken = TakenCommands.keptIn(state, at(NOW), 10);
        for (int i = 0; i < 35; i++) {
            taken.take("StartVm", "c-" + i, NOW.plusSeconds(270));
        }
        assertThat(Files.readAllLines(state.resolve("taken-commands")).size()).isLessThanOrEqualTo(20);
        TakenCommands restarted = TakenCommands.keptIn(state, at(NOW), 10);
        assertThat(restarted.take("StartVm", "c-34", NOW.plusSeconds(270))).isFalse();
        assertThat(restarted.take("StartVm", "c-0", NOW.plusSeconds(270)))
                .as("forgotten")
                .isTrue();
    }
}
