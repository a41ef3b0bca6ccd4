package org.qvd.protocol.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.message.MessageCodec;

/** A StartVm built by name is the command the positional constructor makes, on the wire too. */
class StartVmCommandBuilderTest {

    private static final String KEY = "0123456789abcdef".repeat(4);
    private static final Instant DEADLINE = Instant.parse("2026-11-26T12:09:30Z");

    @Test
    void namesEveryParameterAndEncodesAsThePositionalCommand() {
        StartVmCommand.DirectBoot boot = new StartVmCommand.DirectBoot("k", "i", "console=ttyS0");
        StartVmCommand.Container limits = new StartVmCommand.Container(1024, 512);
        StartVmCommand built = StartVmCommand.builder("node1", "c-1", 42)
                .vmName("vm-42")
                .image(7, "di.qcow2")
                .overlay(true, true)
                .memoryMb(512)
                .cpus(2)
                .homeDiskSizeMb(1024)
                .network("02:51:0a:03:00:2a", "10.3.0.42")
                .directBoot(boot)
                .vmaKey(KEY)
                .deadline(DEADLINE)
                .container(limits)
                .build();

        StartVmCommand positional = new StartVmCommand(
                "node1",
                "c-1",
                42,
                "vm-42",
                7,
                "di.qcow2",
                true,
                true,
                512,
                2,
                1024,
                "02:51:0a:03:00:2a",
                "10.3.0.42",
                boot,
                KEY,
                DEADLINE,
                limits);
        assertThat(built).isEqualTo(positional);
        MessageCodec codec = new MessageCodec();
        assertThat(codec.decode(codec.encode(built)).message()).isEqualTo(positional);
    }

    @Test
    void defaultsAreAnOverlayNotKeptOneCpuNoHomeDiskAndAVm() {
        StartVmCommand built = StartVmCommand.builder("node1", "c-2", 3)
                .vmName("vm")
                .image(7, "di.qcow2")
                .memoryMb(256)
                .network("02:51:0a:03:00:03", "10.3.0.3")
                .build();

        assertThat(built)
                .isEqualTo(new StartVmCommand(
                        "node1",
                        "c-2",
                        3,
                        "vm",
                        7,
                        "di.qcow2",
                        true,
                        false,
                        256,
                        1,
                        0,
                        "02:51:0a:03:00:03",
                        "10.3.0.3",
                        null));
        assertThat(built.runsAsContainer()).isFalse();
    }

    @Test
    void checksWhatItBuildsAsTheConstructorDoes() {
        assertThatThrownBy(() -> StartVmCommand.builder("node1", "c", 3)
                        .image(7, "di.qcow2")
                        .memoryMb(256)
                        .network("02:51:0a:03:00:03", "10.3.0.3")
                        .build())
                .as("no name")
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("vmName");
        assertThatThrownBy(() -> StartVmCommand.builder("node1", "c", 3)
                        .vmName("vm")
                        .image(7, "di.qcow2")
                        .memoryMb(8)
                        .network("02:51:0a:03:00:03", "10.3.0.3")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memoryMb");
        assertThatThrownBy(() -> StartVmCommand.builder("node.1", "c", 3)
                        .vmName("vm")
                        .image(7, "di.qcow2")
                        .memoryMb(256)
                        .network("02:51:0a:03:00:03", "10.3.0.3")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host name");
    }

    @Test
    void eachCopyWithOneChangeKeepsEveryOtherValue() {
        StartVmCommand.DirectBoot boot = new StartVmCommand.DirectBoot("k", "i", "console=ttyS0");
        StartVmCommand.Container limits = new StartVmCommand.Container(1024, 512);
        StartVmCommand original = new StartVmCommand(
                "node1",
                "c-3",
                42,
                "vm-42",
                7,
                "di.qcow2",
                false,
                true,
                512,
                2,
                1024,
                "02:51:0a:03:00:2a",
                "10.3.0.42",
                boot);
        String otherKey = "fedcba9876543210".repeat(4);

        StartVmCommand keyed = original.withVmaKey(otherKey);
        assertThat(keyed.vmaKey()).isEqualTo(otherKey);
        assertThat(keyed).usingRecursiveComparison().ignoringFields("vmaKey").isEqualTo(original);
        StartVmCommand timed = original.withDeadline(DEADLINE);
        assertThat(timed.deadline()).isEqualTo(DEADLINE);
        assertThat(timed).usingRecursiveComparison().ignoringFields("deadline").isEqualTo(original);
        StartVmCommand contained = original.asContainer(limits);
        assertThat(contained.container()).isEqualTo(limits);
        assertThat(contained)
                .usingRecursiveComparison()
                .ignoringFields("container")
                .isEqualTo(original);
        assertThatThrownBy(() -> original.withVmaKey("not-hex"))
                .as("a copy is checked as the constructor checks")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vmaKey");
    }
}
