package org.qvd.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.vm.StartVmCommand;

class DesktopKindTest {

    @Test
    void keepsKnownKindsOfAHostAndDropsOnesFromANewerAgent() {
        assertThat(DesktopKind.known(List.of("container", "unikernel", "vm")))
                .containsExactly(DesktopKind.VM, DesktopKind.CONTAINER);
        assertThat(DesktopKind.known(null)).isEmpty();
        assertThatThrownBy(() -> DesktopKind.fromWire("lxc")).hasMessageContaining("[vm, container]");
    }

    @Test
    void refusesContainerLimitsOutsideWhatCgroupsAccept() {
        assertThatThrownBy(() -> new StartVmCommand.Container(1, 2048)).hasMessageContaining("cpuShares");
        assertThatThrownBy(() -> new StartVmCommand.Container(1024, 10)).hasMessageContaining("pidsMax");
        assertThat(new StartVmCommand.Container(1024, 2048).pidsMax()).isEqualTo(2048);
    }
}
