package org.qvd.host.entity;

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
        assertThatThrownBy(() -> host.getRuntime().heartbeat(NOW, null, null, null))
                .isInstanceOf(HostStateException.class);
        host.getRuntime().moveTo(HostState.STOPPED, NOW);
        host.checkDeletable();
    }
}
