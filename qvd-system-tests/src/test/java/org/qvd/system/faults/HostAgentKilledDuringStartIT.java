package org.qvd.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.host.AgentFarm;
import org.qvd.system.platform.RunningSystem;

/**
 * Faults tier, item 1 of issue 13: {@code kill -9} of the host agent in the middle of a start, then the agent
 * restarted. The real agent process (libvirt's test driver: its domains die with the process, as guests would with
 * the host's power) against the running VMAS. The VM must end {@code stopped} with a reason the admin can read —
 * never stay {@code starting} — and the restarted agent must hold no domain of it (nothing orphaned, never two).
 */
@ExtendWith(RunningSystem.class)
class HostAgentKilledDuringStartIT {

    private static final String HOST = "kill9-node";

    @Test
    void aStartInterruptedByKill9EndsStoppedWithAReasonAndLeavesNoDomain(QvdSystem system) throws Exception {
        try (AgentFarm farm =
                new AgentFarm(system, HOST, Path.of("target", "faults-kill9").toAbsolutePath())) {
            long[] tenant = farm.tenantUserAndOsf(AgentFarm.standInImage(), true);
            // the guest never answers: the start is still waiting when the agent dies
            String[] settings = {"vma.port=9", "vma.ping-interval=250ms", "vma.start-timeout=240s"};
            farm.startAgent(settings);
            farm.awaitHost("running", Duration.ofSeconds(90));
            long vm = farm.vm(tenant);
            farm.start(vm);
            farm.awaitVm(
                    vm, v -> HOST.equals(v.path("hostName").asText()), Duration.ofSeconds(30), "placed on " + HOST);
            awaitLog(farm, "domain qvd-vm-" + vm + " created", Duration.ofSeconds(30));

            farm.killAgent();
            Instant killed = Instant.now();
            assertThat(farm.vmState(vm)).isEqualTo("starting");
            farm.startAgent(settings);

            JsonNode stopped = farm.awaitVm(
                    vm,
                    v -> "stopped".equals(v.path("state").asText()),
                    Duration.ofSeconds(90),
                    "stopped after the agent's kill -9 and restart");
            Duration recovered = Duration.between(killed, Instant.now());
            System.out.println("FAULT kill -9 of the host agent during a start: VM " + vm + " stopped ("
                    + stopped.path("lastFailure").asText() + ") " + recovered.toMillis() + " ms after the kill");

            assertThat(stopped.path("lastFailure").asText())
                    .as("the admin reads why")
                    .isNotBlank()
                    .contains(HOST);
            assertThat(stopped.path("hostName").isNull()
                            || stopped.path("hostName").isMissingNode())
                    .isTrue();
            farm.awaitHost("running", Duration.ofSeconds(30));
            assertThat(farm.logTail())
                    .as("the restarted agent holds no domain of the VM")
                    .doesNotContain("VM " + vm + " found running at agent start");
            // a few heartbeats: nothing of the VM comes back, nothing is reaped twice
            await("VM " + vm + " stays stopped, reaped once at most")
                    .during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() ->
                            "stopped".equals(farm.vmState(vm)) && farm.logLinesContaining("VM " + vm + " reaped") <= 1);
        }
    }

    private static void awaitLog(AgentFarm farm, String text, Duration timeout) throws Exception {
        await("the agent's log says '" + text + "'")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(farm.logLinesContaining(text))
                        .as("%s", farm.logTail())
                        .isPositive());
    }
}
