package org.qvd.fault.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.fault.platform.FaultSystem;
import org.qvd.fault.platform.Figures;
import org.qvd.fault.platform.Probe;
import org.qvd.launcher.QvdSystem;

/**
 * Fault 3 of issue 13: WildFly, with its embedded broker, killed with SIGKILL and started again. The host agent
 * must reconnect by itself (same process, no restart), register again and heartbeat; the VMAS must show the host
 * running, and the node must be ready again.
 */
@ExtendWith(FaultSystem.class)
class ServerCrashIT {

    @Test
    void theAgentReconnectsByItselfAndTheHostRunsAgain(QvdSystem system) {
        Probe probe = new Probe(system);
        probe.await("host " + FaultSystem.HOST + " running", Duration.ofSeconds(90),
                () -> probe.hostState(FaultSystem.HOST).filter("running"::equals).isPresent());
        long agent = system.localHkdPid().orElseThrow();

        system.killServer();
        Instant killed = Instant.now();
        assertThat(system.serverAlive()).isFalse();
        assertThat(probe.readiness().status()).as("nothing answers on the management port").isZero();

        system.restartServer();
        Instant deployed = Instant.now();
        Figures.print("server-crash", "WildFly restart to qvd.ear deployed", Duration.between(killed, deployed));
        Duration toHeartbeat = probe.await("a heartbeat from the same agent after the restart", Duration.ofSeconds(90),
                () -> probe.heartbeat(FaultSystem.HOST).filter(t -> t.isAfter(deployed)).isPresent());
        Figures.print("server-crash", "qvd.ear deployed to the agent's first heartbeat applied", toHeartbeat);
        probe.await("host running", Duration.ofSeconds(30),
                () -> probe.hostState(FaultSystem.HOST).filter("running"::equals).isPresent());
        Duration toReady = probe.await("readiness UP", Duration.ofSeconds(60), () -> probe.readiness().up());
        Figures.print("server-crash", "kill -9 to host running and node ready", Duration.between(killed, Instant.now()));
        assertThat(toReady).isNotNull();
        assertThat(system.localHkdPid()).as("the agent was not restarted: it reconnected by itself").hasValue(agent);
    }
}
