package org.qvd.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/** Decoding refuses what it cannot read with a typed exception, and reads what a newer minor adds. */
class MessageRefusalTest {

    private final MessageCodec codec = new MessageCodec();

    @Test
    void refusesUnknownMajorVersion() throws Exception {
        String json = GoldenMessagesTest.resource("/golden/refused/StartVm-v2.json");

        assertThatThrownBy(() -> codec.decode(json))
                .isInstanceOf(SchemaVersionUnsupportedException.class)
                .hasMessageContaining("2.0");
    }

    @Test
    void refusesUnknownType() throws Exception {
        String json = GoldenMessagesTest.resource("/golden/refused/Teleport-v1.json");

        assertThatThrownBy(() -> codec.decode(json))
                .isInstanceOfSatisfying(
                        MessageTypeUnknownException.class,
                        e -> assertThat(e.type()).isEqualTo("TeleportVm"));
    }

    @Test
    void refusesUnreadableVersionAndMissingType() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"StopVm\",\"schemaVersion\":\"one\"}"))
                .isInstanceOf(SchemaVersionUnsupportedException.class);
        assertThatThrownBy(() -> codec.decode("{\"schemaVersion\":\"1.0\",\"sentAt\":\"2026-11-26T12:00:00Z\"}"))
                .isInstanceOf(MessageTypeUnknownException.class);
    }

    @Test
    void refusesTextThatIsNotAJsonObject() {
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(MessageMalformedException.class);
        assertThatThrownBy(() -> codec.decode("[1,2]")).isInstanceOf(MessageMalformedException.class);
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(MessageMalformedException.class);
    }

    @Test
    void refusesBodyThatBreaksTheTypesRules() {
        String badMac = "{\"type\":\"StartVm\",\"schemaVersion\":\"1.0\",\"sentAt\":\"2026-11-26T12:00:00Z\","
                + "\"hostName\":\"node1\",\"correlationId\":\"c\",\"vmId\":1,\"vmName\":\"v\",\"diId\":1,"
                + "\"diPath\":\"d.qcow2\",\"useOverlay\":true,\"persistentOverlay\":false,\"memoryMb\":256,\"cpus\":1,\"homeDiskSizeMb\":0,"
                + "\"mac\":\"zz\",\"ip\":\"10.0.0.1\"}";
        String noVmId = "{\"type\":\"ReapVm\",\"schemaVersion\":\"1.0\",\"sentAt\":\"2026-11-26T12:00:00Z\","
                + "\"hostName\":\"node1\",\"correlationId\":\"c\",\"vmId\":null}";

        assertThatThrownBy(() -> codec.decode(badMac))
                .isInstanceOf(MessageMalformedException.class)
                .hasMessageContaining("mac");
        assertThatThrownBy(() -> codec.decode(noVmId)).isInstanceOf(MessageMalformedException.class);
    }

    @Test
    void refusesCommandWithoutCorrelationId() {
        String json = "{\"type\":\"StopVm\",\"schemaVersion\":\"1.0\",\"sentAt\":\"2026-11-26T12:00:00Z\","
                + "\"hostName\":\"node1\",\"vmId\":4}";

        assertThatThrownBy(() -> codec.decode(json))
                .isInstanceOf(MessageMalformedException.class)
                .hasMessageContaining("correlationId");
    }

    @Test
    void readsNewerMinorVersionIgnoringFieldsItDoesNotKnow() {
        String json = "{\"type\":\"StopVm\",\"schemaVersion\":\"1.7\",\"sentAt\":\"2026-11-26T12:00:00Z\","
                + "\"hostName\":\"node1\",\"correlationId\":\"c\",\"vmId\":4,\"mood\":\"calm\"}";

        Envelope envelope = codec.decode(json);

        assertThat(envelope.schemaVersion()).isEqualTo(new SchemaVersion(1, 7));
        assertThat(envelope.as(StopVmCommand.class).vmId()).isEqualTo(4);
    }

    @Test
    void refusesHeaderFromJmsPropertiesBeforeParsingTheBody() {
        assertThat(codec.checkHeader("StopVm", "1.3")).isEqualTo(new SchemaVersion(1, 3));
        assertThatThrownBy(() -> codec.checkHeader("StopVm", "0.9"))
                .isInstanceOf(SchemaVersionUnsupportedException.class);
        assertThatThrownBy(() -> codec.checkHeader("Dance", "1.0")).isInstanceOf(MessageTypeUnknownException.class);
    }

    @Test
    void stampsEnvelopeWithCurrentVersionAndSendTime() {
        Instant now = Instant.parse("2026-11-26T15:00:00.123456Z");
        MessageCodec clocked = new MessageCodec(Clock.fixed(now, ZoneOffset.UTC));

        Envelope envelope = clocked.wrap(new VmStateChanged("node1", null, 9, VmState.STOPPING, null, null));

        assertThat(envelope.type()).isEqualTo("VmStateChanged");
        assertThat(envelope.schemaVersion()).isEqualTo(SchemaVersion.CURRENT);
        assertThat(envelope.sentAt()).isEqualTo(Instant.parse("2026-11-26T15:00:00.123Z"));
        assertThat(clocked.encode(envelope))
                .startsWith(
                        "{\"type\":\"VmStateChanged\",\"schemaVersion\":\"1.2\",\"sentAt\":\"2026-11-26T15:00:00.123Z\","
                                + "\"hostName\":\"node1\",\"vmId\":9,\"state\":\"stopping\"}");
    }

    @Test
    void castsEnvelopeOnlyToItsOwnType() {
        Envelope envelope = codec.wrap(new StopVmCommand("node1", "c", 3, null));

        assertThatThrownBy(() -> envelope.as(StartVmCommand.class)).isInstanceOf(ProtocolException.class);
    }
}
