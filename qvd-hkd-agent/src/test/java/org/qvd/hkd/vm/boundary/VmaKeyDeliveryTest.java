package org.qvd.hkd.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * C1: the VMA key reaches the guest as SMBIOS OEM string, and every call the agent makes to the VMA carries it,
 * also after the agent forgot the command (it reads the key back from the domain).
 */
class VmaKeyDeliveryTest {

    private static final String KEY = "0123456789abcdef".repeat(4);

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();

    @AfterEach
    void close() {
        hv.close();
    }

    @Test
    void theGuestGetsTheKeyAndEveryVmaCallCarriesIt() {
        VmaStandIn vma = VmaStandIn.answeringAfter(1, ip -> hv.domains.destroy(5));
        hv.startAndSettle(hv.startHandler(vma, events), VmCommands.start(5, "c").withVmaKey(KEY));

        String xml = hv.domainXml(5);
        assertThat(xml).contains("<entry>qvd.vma.key=" + KEY + "</entry>", "<smbios mode='sysinfo'/>");
        assertThat(hv.domains.describe(5).orElseThrow().vmaKey()).isEqualTo(KEY);

        hv.stopHandler(vma, events).handle(new StopVmCommand("node1", "s", 5, 5));

        assertThat(vma.calls()).containsExactly("ping 10.3.0.5", "ping 10.3.0.5", "poweroff 10.3.0.5");
        assertThat(vma.keys()).containsOnly(KEY);
        assertThat(events.of(VmStateChanged.class))
                .extracting(VmStateChanged::state)
                .containsExactly(VmState.STARTING, VmState.RUNNING, VmState.STOPPING, VmState.STOPPED);
    }

    @Test
    void aStartWithoutKeyGivesTheGuestNoneAndSendsNone() {
        VmaStandIn vma = VmaStandIn.answeringAfter(0, ip -> {});
        hv.startAndSettle(hv.startHandler(vma, events), VmCommands.start(6, "c"));

        assertThat(hv.domainXml(6)).doesNotContain("qvd.vma.key", "smbios");
        assertThat(vma.keys()).containsOnly("null");
    }
}
