package org.qvd.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateWireNamesTest {

    @Test
    void usesQvdsLowerCaseNames() {
        assertThat(VmState.values())
                .extracting(VmState::wireName)
                .containsExactly("stopped", "starting", "running", "stopping", "zombie", "debugging");
        assertThat(UserState.values())
                .extracting(UserState::wireName)
                .containsExactly("disconnected", "connecting", "connected");
        assertThat(HostState.values())
                .extracting(HostState::wireName)
                .containsExactly("stopped", "starting", "running", "stopping", "lost");
        assertThat(XState.values())
                .extracting(XState::wireName)
                .containsExactly(
                        "stopped",
                        "starting",
                        "provisioning",
                        "listening",
                        "connected",
                        "suspending",
                        "suspended",
                        "stopping");
    }

    @Test
    void parsesWireNamesAndRejectsOthers() {
        assertThat(XState.fromWire("suspended")).isEqualTo(XState.SUSPENDED);
        assertThatThrownBy(() -> VmState.fromWire("RUNNING"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("running");
    }
}
