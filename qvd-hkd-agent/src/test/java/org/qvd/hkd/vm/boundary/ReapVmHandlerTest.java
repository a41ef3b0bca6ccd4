package org.qvd.hkd.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.ReapVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

class ReapVmHandlerTest {

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();

    @AfterEach
    void close() {
        hv.close();
    }

    @Test
    void reapsARunningVmWithoutAskingItsVmaStandIn() {
        VmaStandIn vma = VmaStandIn.answeringAfter(0, ip -> {});
        hv.startAndSettle(hv.startHandler(vma, new RecordingEventSink()), VmCommands.start(30, "start"));
        int callsBefore = vma.calls().size();

        new ReapVmHandler(hv.domains, hv.teardown, hv.waits, hv.locks, hv.activities, events)
                .handle(new ReapVmCommand("node1", "reap-30", 30));

        assertThat(vma.calls()).hasSize(callsBefore);
        assertThat(hv.domains.find(30)).isEmpty();
        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-30-overlay.qcow2")).isFalse();
        assertThat(hv.dhcp.entries()).isEmpty();
        assertThat(events.of(VmStateChanged.class))
                .singleElement()
                .satisfies(e -> assertThat(e.state()).isEqualTo(VmState.STOPPED))
                .satisfies(e -> assertThat(e.correlationId()).isEqualTo("reap-30"));
    }

    @Test
    void reapingTwiceOrReapingNothingIsHarmless() {
        ReapVmHandler handler = new ReapVmHandler(hv.domains, hv.teardown, hv.waits, hv.locks, hv.activities, events);

        handler.handle(new ReapVmCommand("node1", "reap-31", 31));
        handler.handle(new ReapVmCommand("node1", "reap-31", 31));

        assertThat(events.of(VmStateChanged.class)).hasSize(2).allMatch(e -> e.state() == VmState.STOPPED);
        assertThat(events.of(CommandFailed.class)).isEmpty();
    }
}
