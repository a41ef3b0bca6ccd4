package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;

/**
 * The event path of a VM start: the real HKD agent process (libvirt's test driver, so the start fails on the
 * host: the image file does not exist) reports the failure over JMS, the VMAS applies it ({@code HostEvents}) and
 * publishes the VM's {@code stopped} notice, and the L7R waiting for it answers the client with the host's reason.
 */
@ExtendWith(RunningSystem.class)
class L7rWithHostAgentIT {

    private static final String HOST = "systest-node";

    @Test
    void startThatFailsOnTheHostEndsTheConnectWithTheHostsReason(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        system.startLocalHkd();
        try {
            awaitHostRunning(system, data);
            VmasData.User user = data.user();
            long vm = data.vm(user);
            try (L7rWire wire = L7rWire.open(system.l7rPort())) {
                wire.send("GET /qvd/connect_to_vm?id=" + vm + " HTTP/1.1\r\nAuthorization: "
                        + L7rWire.basic(user.login(), VmasData.USER_PASSWORD)
                        + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n");
                L7rWire.Response first = wire.read();
                assertThat(first.header("X-QVD-VM-Info")).isEqualTo("Starting virtual machine");
                String placedOn = placement(system, data, vm);
                // in a shared run other tests' stand-in hosts may offer more RAM; only the agent answers
                Assumptions.assumeTrue(placedOn == null || HOST.equals(placedOn), "placed on " + placedOn);

                List<L7rWire.Response> rest = wire.readUntilFinal();
                L7rWire.Response last = rest.get(rest.size() - 1);
                assertThat(last.status()).as(last.body()).isEqualTo(503);
                assertThat(last.body()).contains("the virtual machine stopped: StartVm failed on host " + HOST);
            }
            assertThat(data.vmState(vm).get("state").asText()).isEqualTo("stopped");
        } finally {
            system.killLocalHkd();
        }
    }

    /** The VM's host once the start is placed (null if it already failed and the placement was cleared). */
    private static String placement(QvdSystem system, VmasData data, long vm) throws InterruptedException {
        String[] host = {null};
        await("VM " + vm + " placed or failed")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    host[0] = data.query(
                            system,
                            "SELECT h.name FROM vm_runtime r JOIN host h ON h.id = r.host_id " + "WHERE r.vm_id = ?",
                            vm);
                    return host[0] != null
                            || "stopped".equals(data.vmState(vm).get("state").asText())
                                    && data.vmState(vm).get("lastFailure") != null
                                    && !data.vmState(vm).get("lastFailure").isNull();
                });
        return host[0];
    }

    private static void awaitHostRunning(QvdSystem system, VmasData data) throws InterruptedException {
        String select = "SELECT r.state FROM host_runtime r JOIN host h ON h.id = r.host_id WHERE h.name = ?";
        await("HKD " + HOST + " running")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(data.query(system, select, HOST))
                        .as("log: %s", system.localHkdLog().orElse(null))
                        .isEqualTo("running"));
    }
}
