package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.StandInDesktop;

/**
 * The last connection's accounting (tunnel opened/closed, bytes each way, L7R node) as the admin API's VM view shows
 * it, after a connect through the deployed L7R to a {@link StandInDesktop} (stand-in VMA and echoing NX agent).
 */
@ExtendWith(RunningSystem.class)
class L7rConnectionAccountingIT {

    @Test
    void theVmViewShowsTheOpenTunnelThenItsTimesAndBytesOnceClosed(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        assertThat(absent(data.vmState(vm), "lastConnectedAt"))
                .as("never connected")
                .isTrue();
        byte[] upstream = new byte[100_000];
        Arrays.fill(upstream, (byte) 'x');
        Instant before = Instant.now();
        try (StandInDesktop standIn = data.standIn(system, vm)) {
            try (L7rWire wire = L7rWire.open(system.l7rPort())) {
                wire.send("GET /qvd/connect_to_vm?id=" + vm + " HTTP/1.1\r\nAuthorization: "
                        + L7rWire.basic(user.login(), VmasData.USER_PASSWORD)
                        + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n");
                List<L7rWire.Response> answers = wire.readUntilFinal();
                assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
                wire.write(upstream);
                assertThat(wire.readExactly(upstream.length))
                        .as("echoed by the stand-in NX agent")
                        .isEqualTo(upstream);

                JsonNode open = data.vmState(vm);
                assertThat(open.get("userState").asText()).isEqualTo("connected");
                assertThat(Instant.parse(open.get("lastConnectedAt").asText()))
                        .isAfterOrEqualTo(before.minusSeconds(1));
                assertThat(absent(open, "lastDisconnectedAt")).as("still open").isTrue();
            }
            data.awaitUserState(vm, "disconnected");
        }
        JsonNode closed = data.vmState(vm);
        Instant connectedAt = Instant.parse(closed.get("lastConnectedAt").asText());
        Instant disconnectedAt = Instant.parse(closed.get("lastDisconnectedAt").asText());
        assertThat(disconnectedAt)
                .isAfterOrEqualTo(connectedAt)
                .isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        assertThat(closed.get("lastBytesFromClient").asLong()).isEqualTo(upstream.length);
        assertThat(closed.get("lastBytesToClient").asLong()).isEqualTo(upstream.length);
        assertThat(closed.get("lastConnectionNode").asText()).isNotBlank();
    }

    /** JSON-B leaves null fields out; Jackson writes them as null. */
    private static boolean absent(JsonNode vm, String field) {
        return vm.path(field).isMissingNode() || vm.path(field).isNull();
    }
}
