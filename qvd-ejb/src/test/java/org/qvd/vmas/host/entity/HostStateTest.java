package org.qvd.vmas.host.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostStateTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aHeartbeatMakesAStoppedOrLostHostRunning() {
        Host host = new Host("node1", "192.0.2.1", null);
        host.getRuntime().heartbeat(NOW, 4096L, 2, 0.1);
        assertThat(host.getRuntime().getState()).isEqualTo(HostState.RUNNING);
        assertThat(host.acceptsVms()).isTrue();
        host.getRuntime().moveTo(HostState.LOST, NOW);
        host.getRuntime().heartbeat(NOW, 4096L, 2, 0.1);
        assertThat(host.getRuntime().getState()).isEqualTo(HostState.RUNNING);
    }

    @Test
    void aBlockedHostTakesNoVms() {
        Host host = new Host("node1", "192.0.2.1", null);
        host.getRuntime().heartbeat(NOW, 4096L, 2, 0.1);
        host.block();
        assertThat(host.acceptsVms()).isFalse();
    }

    @Test
    void refusesInvalidTransitionsAndDeletingARunningHost() {
        Host host = new Host("node1", "192.0.2.1", null);
        assertThatThrownBy(() -> host.getRuntime().moveTo(HostState.STOPPING, NOW))
                .isInstanceOf(HostStateException.class);
        host.getRuntime().heartbeat(NOW, null, null, null);
        assertThatThrownBy(host::checkDeletable).isInstanceOf(HostStateException.class);
        host.getRuntime().moveTo(HostState.STOPPING, NOW);
        host.getRuntime().moveTo(HostState.STOPPED, NOW);
        host.checkDeletable();
    }

    @Test
    void onlyARunningHostCanBeAskedToStop() {
        Host host = new Host("node1", "192.0.2.1", null);
        assertThatThrownBy(() -> host.getRuntime().requestStop(NOW))
                .isInstanceOfSatisfying(
                        HostStateException.class, e -> assertThat(e.code()).isEqualTo("host.not_running"));
        assertThat(host.getRuntime().getState()).isEqualTo(HostState.STOPPED);
        host.getRuntime().heartbeat(NOW, 4096L, 2, 0.1);
        host.getRuntime().requestStop(NOW.plusSeconds(1));
        assertThat(host.getRuntime().getState()).isEqualTo(HostState.STOPPING);
        assertThat(host.getRuntime().getStateTs()).isEqualTo(NOW.plusSeconds(1));
        assertThat(host.acceptsVms()).isFalse();
        assertThatThrownBy(() -> host.getRuntime().requestStop(NOW)).isInstanceOf(HostStateException.class);
    }

    @Test
    void aStoppingHostThatBeatsStaysStoppingButAlive() {
        Host host = new Host("node1", "192.0.2.1", null);
        host.getRuntime().heartbeat(NOW, 4096L, 2, 0.1);
        host.getRuntime().requestStop(NOW);
        host.getRuntime().heartbeat(NOW.plusSeconds(5), 2048L, 2, 0.7);
        assertThat(host.getRuntime().getState()).isEqualTo(HostState.STOPPING);
        assertThat(host.getRuntime().getHeartbeatAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(host.getRuntime().getUsableRamMb()).isEqualTo(2048L);
    }
}
