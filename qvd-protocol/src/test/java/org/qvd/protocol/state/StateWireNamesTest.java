package org.qvd.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
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
        assertThat(DesktopKind.values()).extracting(DesktopKind::wireName).containsExactly("vm", "container");
    }

    @Test
    void jsonCarriesTheWireNameEachWay() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<WireNamed> every = new ArrayList<>();
        for (Class<? extends WireNamed> vocabulary :
                List.of(VmState.class, UserState.class, HostState.class, XState.class, DesktopKind.class)) {
            every.addAll(List.of(vocabulary.getEnumConstants()));
        }
        for (WireNamed value : every) {
            String written = json.writeValueAsString(value);
            assertThat(written).isEqualTo("\"" + value.wireName() + "\"");
            assertThat(json.readValue(written, value.getClass())).isSameAs(value);
        }
    }

    @Test
    void parsesWireNamesAndRejectsOthers() {
        assertThat(XState.fromWire("suspended")).isEqualTo(XState.SUSPENDED);
        assertThatThrownBy(() -> VmState.fromWire("RUNNING"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("running");
    }
}
