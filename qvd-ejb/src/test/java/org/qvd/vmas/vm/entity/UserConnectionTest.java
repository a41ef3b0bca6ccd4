package org.qvd.vmas.vm.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.state.XState;

class UserConnectionTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void connectsAUserToARunningVmAndDisconnects() {
        VmRuntime r = VmFixtures.vmIn(VmState.RUNNING).getRuntime();
        r.userConnecting(NOW);
        r.userConnected(NOW);
        assertThat(r.getUserState()).isEqualTo(UserState.CONNECTED);
        r.userDisconnected(NOW);
        assertThat(r.getUserState()).isEqualTo(UserState.DISCONNECTED);
    }

    @Test
    void refusesConnectedWhileTheVmIsOnlyStarting() {
        VmRuntime r = VmFixtures.vmIn(VmState.STARTING).getRuntime();
        r.userConnecting(NOW);
        assertThatThrownBy(() -> r.userConnected(NOW)).isInstanceOf(VmStateException.class);
        assertThat(r.getUserState()).isEqualTo(UserState.CONNECTING);
    }

    @Test
    void refusesConnectingToAStoppingVm() {
        VmRuntime r = VmFixtures.vmIn(VmState.STOPPING).getRuntime();
        assertThatThrownBy(() -> r.userConnecting(NOW)).isInstanceOf(VmStateException.class);
    }

    @Test
    void refusesDisconnectedToConnectedWithoutConnecting() {
        VmRuntime r = VmFixtures.vmIn(VmState.RUNNING).getRuntime();
        assertThatThrownBy(() -> r.userConnected(NOW))
                .isInstanceOf(VmStateException.class)
                .hasMessageContaining("disconnected to connected");
    }

    @Test
    void takeoverMovesAConnectedUserBackToConnecting() {
        VmRuntime r = VmFixtures.vmIn(VmState.RUNNING).getRuntime();
        r.userConnecting(NOW);
        r.userConnected(NOW);
        r.userConnecting(NOW);
        assertThat(r.getUserState()).isEqualTo(UserState.CONNECTING);
    }

    @Test
    void disconnectRequestNeedsAConnectedUser() {
        VmRuntime r = VmFixtures.vmIn(VmState.RUNNING).getRuntime();
        assertThatThrownBy(r::requestDisconnect).isInstanceOf(VmStateException.class);
        r.userConnecting(NOW);
        r.requestDisconnect();
        assertThat(r.getUserCommand()).isEqualTo(UserCommand.ABORT);
    }

    @Test
    void stoppingTheVmDisconnectsTheUser() {
        VmRuntime r = VmFixtures.vmIn(VmState.RUNNING).getRuntime();
        r.userConnecting(NOW);
        r.userConnected(NOW);
        r.requestStop(NOW);
        assertThat(r.getUserState()).isEqualTo(UserState.DISCONNECTED);
    }

    @Test
    void recordsTheXStateOnlyWhileOnAHost() {
        VmRuntime running = VmFixtures.vmIn(VmState.RUNNING).getRuntime();
        running.xState(XState.LISTENING, NOW);
        assertThat(running.getXState()).isEqualTo(XState.LISTENING);
        VmRuntime stopped = VmFixtures.vmIn(VmState.STOPPED).getRuntime();
        assertThatThrownBy(() -> stopped.xState(XState.LISTENING, NOW)).isInstanceOf(VmStateException.class);
    }
}
