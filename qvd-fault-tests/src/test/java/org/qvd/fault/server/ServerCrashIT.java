package org.qvd.fault.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.fault.platform.ClientTunnel;
import org.qvd.fault.platform.FaultSystem;
import org.qvd.fault.platform.Figures;
import org.qvd.fault.platform.NxViewer;
import org.qvd.fault.platform.Probe;
import org.qvd.fault.platform.RealVmaDesktop;
import org.qvd.launcher.AdminApi;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.RequiredResource;

/**
 * Fault 3 of issue 13: WildFly, with its embedded broker, killed with SIGKILL and started again. The host agent
 * must reconnect by itself (same process, no restart), register again and heartbeat; the VMAS must show the host
 * running, and the node must be ready again. A user connected to a desktop when WildFly died must get the same
 * session back by connecting again: the desktop's guest is stood in for by the real VMA and a real nxagent on this
 * machine ({@link RealVmaDesktop}; no hypervisor, so the crash leaves it running as it leaves a guest), the client is
 * a real {@code nxproxy} on Xvfb ({@link NxViewer}); a mark put on the session's root window before the crash must be
 * there after the reconnection, in the same nxagent. A command the broker had delivered but whose acknowledgement
 * died with it is delivered again after the restart and not executed twice ({@link LostAcknowledgement}).
 */
@ExtendWith(FaultSystem.class)
class ServerCrashIT {

    @Test
    void theAgentReconnectsByItselfAndTheHostRunsAgainAndTheUserResumesTheSameSession(QvdSystem system)
            throws Exception {
        Probe probe = new Probe(system);
        probe.await(
                "host " + FaultSystem.HOST + " running",
                Duration.ofSeconds(90),
                () -> probe.hostState(FaultSystem.HOST)
                        .filter("running"::equals)
                        .isPresent());
        long agent = system.localHkdPid().orElseThrow();
        boolean withDesktop = RequiredResource.partPresent(
                "ServerCrashIT's session part", RealVmaDesktop.missing().orElse(null));
        Path dir = FaultSystem.home("ServerCrashIT-desktop");
        try (LostAcknowledgement command = new LostAcknowledgement(
                        system, probe, system.config().home().resolve("relayed-agent"));
                RealVmaDesktop desktop = withDesktop ? new RealVmaDesktop(system, dir.resolve("vm")) : null;
                NxViewer viewer = withDesktop ? new NxViewer(dir.resolve("viewer")) : null) {
            String mark = UUID.randomUUID().toString();
            long nxagent = 0;
            if (desktop != null) {
                viewer.attach(desktop.vm().connect(system), "before-crash");
                desktop.awaitXState(Duration.ofSeconds(90), "connected");
                nxagent = desktop.nxagentPid().orElseThrow();
                desktop.mark(mark);
                assertThat(desktop.marker()).contains(mark);
            }

            command.commandTakenButNotAcknowledged();

            system.killServer();
            Instant killed = Instant.now();
            assertThat(system.serverAlive()).isFalse();
            assertThat(probe.readiness().status())
                    .as("nothing answers on the management port")
                    .isZero();
            if (desktop != null) {
                desktop.awaitXState(Duration.ofSeconds(60), "suspended");
                System.out.println("ServerCrashIT: the session is suspended, its tunnel cut by the crash");
            }

            system.restartServer();
            Instant deployed = Instant.now();
            Figures.print("server-crash", "WildFly restart to qvd.ear deployed", Duration.between(killed, deployed));
            Duration toHeartbeat = probe.await(
                    "a heartbeat from the same agent after the restart",
                    Duration.ofSeconds(90),
                    () -> probe.heartbeat(FaultSystem.HOST)
                            .filter(t -> t.isAfter(deployed))
                            .isPresent());
            Figures.print("server-crash", "qvd.ear deployed to the agent's first heartbeat applied", toHeartbeat);
            probe.await(
                    "host running",
                    Duration.ofSeconds(30),
                    () -> probe.hostState(FaultSystem.HOST)
                            .filter("running"::equals)
                            .isPresent());
            Duration toReady = probe.await(
                    "readiness UP",
                    Duration.ofSeconds(60),
                    () -> probe.readiness().up());
            Figures.print(
                    "server-crash", "kill -9 to host running and node ready", Duration.between(killed, Instant.now()));
            assertThat(toReady).isNotNull();
            assertThat(system.localHkdPid())
                    .as("the agent was not restarted: it reconnected by itself")
                    .hasValue(agent);
            Duration toCopy = command.copyRecognisedAndNotExecutedTwice();
            Figures.print(
                    "server-crash",
                    "node ready to the command whose acknowledgement was lost delivered again and not executed",
                    toCopy);

            if (desktop != null) {
                Instant reconnect = Instant.now();
                ClientTunnel again = desktop.vm().connect(system);
                viewer.attach(again, "after-restart");
                desktop.awaitXState(Duration.ofSeconds(90), "connected");
                Figures.print(
                        "server-crash",
                        "node ready to the same session connected again",
                        Duration.between(reconnect, Instant.now()));
                assertThat(desktop.nxagentPid())
                        .as("the same nxagent: the session was resumed")
                        .hasValue(nxagent);
                assertThat(desktop.marker())
                        .as("the mark made before the crash")
                        .contains(mark);
                JsonNode vm = new AdminApi(system, FaultSystem.SUPERADMIN_PASSWORD)
                        .get("/vms/" + desktop.vm().vmId());
                assertThat(vm.path("state").asText()).as("%s", vm).isEqualTo("running");
                assertThat(vm.path("userState").asText()).as("%s", vm).isEqualTo("connected");
            }
        }
    }
}
