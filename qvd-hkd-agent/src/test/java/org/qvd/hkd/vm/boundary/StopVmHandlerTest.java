package org.qvd.hkd.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/** StopVm against libvirt's real test driver; the guest's VMA is a stand-in that destroys its domain. */
class StopVmHandlerTest {

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();

    @AfterEach
    void close() {
        hv.close();
    }

    private void running(long vmId, VmaStandIn vma, boolean persistentOverlay) {
        hv.startAndSettle(
                hv.startHandler(vma, new RecordingEventSink()),
                VmCommands.start(vmId, "start", true, persistentOverlay, 128));
        assertThat(hv.domains.isRunning(vmId)).isTrue();
    }

    private StopVmHandler handler(VmaStandIn vma) {
        return hv.stopHandler(vma, events);
    }

    /** A stand-in whose "guest" powers off at once: it destroys its own domain, as a real poweroff would. */
    private VmaStandIn guestPoweringOff(long vmId) {
        return VmaStandIn.answeringAfter(0, ip -> hv.domains.destroy(vmId));
    }

    @Test
    void powersOffThroughTheVmaStandInThenCleansUp() {
        VmaStandIn vma = guestPoweringOff(20);
        running(20, vma, false);

        handler(vma).handle(new StopVmCommand("node1", "stop-20", 20, 30));

        assertThat(vma.calls()).contains("poweroff 10.3.0.20");
        assertThat(events.of(VmStateChanged.class))
                .extracting(VmStateChanged::state)
                .containsExactly(VmState.STOPPING, VmState.STOPPED);
        assertThat(events.of(VmStateChanged.class))
                .allMatch(e -> e.correlationId().equals("stop-20"));
        assertThat(hv.domains.find(20)).isEmpty();
        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-20-overlay.qcow2")).isFalse();
        assertThat(hv.dhcp.entries()).isEmpty();
        assertThat(hv.volumeExists("qvd-homes", "qvd-vm-20-home.qcow2"))
                .as("home disk kept")
                .isTrue();
    }

    @Test
    void destroysTheVmAfterTheGraceWhenTheVmaStandInIgnoresPoweroff() {
        VmaStandIn vma = VmaStandIn.answeringAfter(0, ip -> {});
        running(21, vma, false);
        Instant begin = Instant.now();

        handler(vma).handle(new StopVmCommand("node1", "stop-21", 21, 1));

        assertThat(Duration.between(begin, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(hv.domains.find(21)).isEmpty();
        assertThat(events.of(VmStateChanged.class))
                .last()
                .extracting(VmStateChanged::state)
                .isEqualTo(VmState.STOPPED);
    }

    @Test
    void destroysAtOnceWhenTheVmaStandInIsSilent() {
        running(22, VmaStandIn.answeringAfter(0, ip -> {}), false);

        handler(VmaStandIn.silent()).handle(new StopVmCommand("node1", "stop-22", 22, 60));

        assertThat(hv.domains.find(22)).isEmpty();
        assertThat(events.of(CommandFailed.class)).isEmpty();
    }

    @Test
    void keepsAPersistentOverlay() {
        VmaStandIn vma = guestPoweringOff(23);
        running(23, vma, true);

        handler(vma).handle(new StopVmCommand("node1", "stop-23", 23, null));

        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-23-persistent.qcow2"))
                .isTrue();
    }

    @Test
    void stoppingAnUnknownOrAlreadyStoppedVmOnlyReportsStoppedAgain() {
        VmaStandIn vma = guestPoweringOff(24);
        running(24, vma, false);
        StopVmHandler handler = handler(vma);
        handler.handle(new StopVmCommand("node1", "stop-24", 24, 5));

        handler.handle(new StopVmCommand("node1", "stop-24", 24, 5));
        handler.handle(new StopVmCommand("node1", "stop-99", 99, 5));

        assertThat(events.of(VmStateChanged.class))
                .extracting(e -> e.vmId() + ":" + e.state().wireName())
                .containsExactly("24:stopping", "24:stopped", "24:stopped", "99:stopped");
        assertThat(events.of(CommandFailed.class)).isEmpty();
    }
}
