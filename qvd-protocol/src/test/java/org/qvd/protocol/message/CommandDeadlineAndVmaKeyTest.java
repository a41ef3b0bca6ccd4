package org.qvd.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.host.StopHostCommand;
import org.qvd.protocol.vm.ReapVmCommand;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;

/** Contracts C1 (StartVm.vmaKey) and C2 (deadline on every command) on the wire. */
class CommandDeadlineAndVmaKeyTest {

    private static final String KEY = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a0b";
    private static final Instant DEADLINE = Instant.parse("2026-11-26T12:02:00Z");
    private final MessageCodec codec = new MessageCodec();

    @Test
    void goldenStartCarriesKeyAndDeadline() throws Exception {
        StartVmCommand start =
                (StartVmCommand) codec.decode(GoldenMessagesTest.resource("/golden/v1/StartVm-vmaKeyAndDeadline.json"))
                        .message();

        assertThat(start.vmaKey()).isEqualTo(KEY);
        assertThat(start.deadline()).isEqualTo(DEADLINE);
    }

    @Test
    void olderStartWithoutKeyOrDeadlineStillDecodes() throws Exception {
        StartVmCommand start = (StartVmCommand) codec.decode(GoldenMessagesTest.resource("/golden/v1/StartVm.json"))
                .message();

        assertThat(start.vmaKey()).isNull();
        assertThat(start.deadline()).isNull();
        assertThat(start.expiredAt(Instant.MAX)).isFalse();
        assertThat(codec.encode(start)).doesNotContain("vmaKey").doesNotContain("deadline");
    }

    @Test
    void everyCommandTypeCarriesItsDeadlineThroughTheCodec() {
        List<HkdCommand> commands = List.of(
                start(null),
                new StopVmCommand("node1", "c", 3, 5),
                new ReapVmCommand("node1", "c", 3),
                new StopHostCommand("node1", "c"));

        for (HkdCommand command : commands) {
            HkdCommand withDeadline = command.withDeadline(DEADLINE);
            HkdCommand decoded =
                    (HkdCommand) codec.decode(codec.encode(withDeadline)).message();

            assertThat(decoded).isEqualTo(withDeadline);
            assertThat(decoded.deadline()).isEqualTo(DEADLINE);
            assertThat(decoded.expiredAt(DEADLINE)).isFalse();
            assertThat(decoded.expiredAt(DEADLINE.plusMillis(1))).isTrue();
        }
    }

    @Test
    void refusesAKeyThatIsNot64LowerCaseHexAndNeverEchoesIt() {
        String upper = KEY.toUpperCase();

        assertThatThrownBy(() -> start(upper))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(upper);
        assertThatThrownBy(() -> start("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyNeverAppearsInToString() {
        assertThat(start(KEY).toString()).doesNotContain(KEY).contains("vmaKey=***");
        assertThat(start(null).withVmaKey(KEY).vmaKey()).isEqualTo(KEY);
    }

    @Test
    void refusesABadDeadlineAsMalformed() {
        String json = "{\"type\":\"ReapVm\",\"schemaVersion\":\"1.1\",\"sentAt\":\"2026-11-26T12:00:00Z\","
                + "\"hostName\":\"node1\",\"correlationId\":\"c\",\"vmId\":3,\"deadline\":\"tomorrow\"}";

        assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(MessageMalformedException.class);
    }

    private static StartVmCommand start(String key) {
        return new StartVmCommand(
                "node1",
                "c",
                3,
                "vm",
                7,
                "di.qcow2",
                true,
                false,
                256,
                1,
                0,
                "52:54:00:00:00:03",
                "10.3.0.3",
                null,
                key,
                null);
    }
}
