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

class VmEndWatcherTest {

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();
    private final VmEndWatcher watcher =
            new VmEndWatcher("node1", hv.domains, hv.teardown, hv.locks, hv.activities, events);

    @AfterEach
    void close() {
        hv.close();
    }

    private void running(long vmId) {
        hv.startAndSettle(
                hv.startHandler(VmaStandIn.answeringAfter(0, ip -> {}), new RecordingEventSink()),
                VmCommands.start(vmId, "s"));
    }

    @Test
    void cleansUpAndReportsAVmThatEndedOnItsOwn() {
        running(60);
        watcher.check();

        hv.domains.destroy(60); // what the guest powering itself off looks like to libvirt
        watcher.check();
        watcher.check();

        assertThat(events.of(VmStateChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.vmId()).isEqualTo(60);
            assertThat(e.state()).isEqualTo(VmState.STOPPED);
            assertThat(e.correlationId()).isNull();
            assertThat(e.reason()).contains("ended on its own");
        });
        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-60-overlay.qcow2")).isFalse();
        assertThat(hv.dhcp.entries()).isEmpty();
    }

    @Test
    void staysQuietAboutAVmACommandStopped() {
        running(61);
        watcher.check();

        hv.stopHandler(VmaStandIn.silent(), new RecordingEventSink()).handle(new StopVmCommand("node1", "stop", 61, 1));
        watcher.check();

        assertThat(events.events()).isEmpty();
    }
}
