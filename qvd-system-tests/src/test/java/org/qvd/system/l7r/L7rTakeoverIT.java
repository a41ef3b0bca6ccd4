package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;

/**
 * Takeover through the cluster-wide notice ({@code qvd.notices}): a second client's connect aborts the first one's
 * (the holder's node gets the notice and aborts it; its release notice lets the newcomer go on). No hypervisor
 * here: the VM is put into {@code starting} by SQL, so a connection holds it while it waits for the start.
 */
@ExtendWith(RunningSystem.class)
class L7rTakeoverIT {

    private static final String WAITING = "Waiting for the virtual machine to start";

    private static String connect(long vm, String login) {
        return "GET /qvd/connect_to_vm?id=" + vm + "&qvd.client.os=linux HTTP/1.1\r\nAuthorization: "
                + L7rWire.basic(login, VmasData.USER_PASSWORD) + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n";
    }

    /** Reads {@code 102}s until one carries {@code text}; returns the texts seen. */
    private static List<String> progressUntil(L7rWire wire, String text) throws Exception {
        List<String> seen = new ArrayList<>();
        while (!seen.contains(text)) {
            L7rWire.Response r = wire.read();
            assertThat(r.status())
                    .as("%s %s (after %s)", r.statusLine(), r.body(), seen)
                    .isEqualTo(102);
            seen.add(r.header("X-QVD-VM-Info"));
        }
        return seen;
    }

    @Test
    void secondClientTakesTheVmOverFromTheFirstByNotice(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        data.sql(system, "UPDATE vm_runtime SET state = 'starting', state_ts = now() WHERE vm_id = ?", vm);
        try (L7rWire first = L7rWire.open(system.l7rPort());
                L7rWire second = L7rWire.open(system.l7rPort())) {
            first.send(connect(vm, user.login()));
            progressUntil(first, WAITING);

            Instant asked = Instant.now();
            second.send(connect(vm, user.login()));
            List<String> seen = progressUntil(second, WAITING);
            Duration took = Duration.between(asked, Instant.now());

            assertThat(seen).contains("Taking over the session from another client");
            assertThat(took)
                    .as("released by notice, not by the 10 s stale-holder fallback")
                    .isLessThan(Duration.ofSeconds(9));
            L7rWire.Response ended = first.readUntilFinal().get(0);
            assertThat(ended.status()).isEqualTo(503);
            assertThat(ended.body()).contains("taken over");
            assertThat(data.vmState(vm).get("userState").asText()).isEqualTo("connecting");
        } finally {
            data.sql(system, "UPDATE vm_runtime SET state = 'stopped', state_ts = now() WHERE vm_id = ?", vm);
        }
        data.awaitUserState(vm, "disconnected");
    }

    @Test
    void connectionWhoseNodeIsGoneIsTakenOverAfterTheStaleLimit(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user(VmasData.NO_HOST_FITS_MB);
        long vm = data.vm(user);
        // a holder no node knows: as if the node that held the connection had died
        data.sql(system, "UPDATE vm_runtime SET user_state = 'connected', user_state_ts = now() WHERE vm_id = ?", vm);
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(connect(vm, user.login()));
            List<L7rWire.Response> answers = wire.readUntilFinal();
            assertThat(answers)
                    .extracting(r -> r.header("X-QVD-VM-Info"))
                    .contains("Taking over the session from another client", "Starting virtual machine");
            assertThat(answers.get(answers.size() - 1).body()).contains("no running, unblocked host");
        }
        data.awaitUserState(vm, "disconnected");
    }
}
