package org.qvd.hkd.host.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.host.control.HostProbe;
import org.qvd.hkd.host.control.VmInventory;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.hkd.vm.boundary.StartVmHandler;
import org.qvd.hkd.vm.boundary.StopVmHandler;
import org.qvd.protocol.host.HostStateChanged;
import org.qvd.protocol.host.StopHostCommand;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

class StopHostHandlerTest {

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();
    private final AtomicInteger agentEnded = new AtomicInteger();

    @AfterEach
    void close() {
        hv.close();
    }

    private StopHostHandler handler(VmaStandIn vma) {
        StopVmHandler stopVm = hv.stopHandler(vma, events);
        HostAnnouncer announcer = new HostAnnouncer(
                hv.config,
                "node1",
                new HostProbe(hv.connect, "test:"),
                new VmInventory(hv.domains, hv.activities),
                events);
        return new StopHostHandler(hv.config, hv.domains, stopVm, announcer, events, agentEnded::incrementAndGet);
    }

    @Test
    void stopsEveryVmReportsTheHostStoppedAndEndsTheAgent() {
        VmaStandIn vma = VmaStandIn.answeringAfter(0, ip -> hv.domains.destroy(Long.parseLong(ip.substring(7))));
        StartVmHandler start = hv.startHandler(vma, new RecordingEventSink());
        for (long vmId : new long[] {41, 42}) {
            start.handle(new StartVmCommand(
                    "node1",
                    "s",
                    vmId,
                    "vm",
                    7,
                    TestHypervisor.DI,
                    true,
                    false,
                    128,
                    1,
                    0,
                    "52:54:00:03:00:" + vmId,
                    "10.3.0." + vmId,
                    null));
            hv.settle(vmId);
        }

        handler(vma).handle(new StopHostCommand("node1", "stop-host-1"));

        assertThat(hv.domains.list()).isEmpty();
        assertThat(events.of(VmStateChanged.class))
                .filteredOn(e -> e.state() == VmState.STOPPED)
                .extracting(VmStateChanged::vmId)
                .containsExactlyInAnyOrder(41L, 42L);
        assertThat(events.of(HostStateChanged.class))
                .extracting(HostStateChanged::state)
                .containsExactly(HostState.STOPPING, HostState.STOPPED);
        assertThat(agentEnded).hasValue(1);
    }

    @Test
    void aHostStopWinsOverAStartStillWaitingForItsGuest() {
        VmaStandIn silent = VmaStandIn.silent();
        RecordingEventSink startEvents = new RecordingEventSink();
        hv.startHandler(silent, startEvents)
                .handle(new StartVmCommand(
                        "node1",
                        "s-43",
                        43,
                        "vm",
                        7,
                        TestHypervisor.DI,
                        true,
                        false,
                        128,
                        1,
                        0,
                        "52:54:00:03:00:43",
                        "10.3.0.43",
                        null));
        assertThat(hv.waits.waiting(43)).isTrue();
        long begin = System.nanoTime();

        handler(silent).handle(new StopHostCommand("node1", "stop-host-2"));

        assertThat((System.nanoTime() - begin) / 1_000_000)
                .as("ms to stop the host")
                .isLessThan(3_000);
        assertThat(hv.waits.waiting(43)).isFalse();
        assertThat(hv.domains.list()).isEmpty();
        assertThat(events.of(VmStateChanged.class))
                .extracting(VmStateChanged::state)
                .containsExactly(VmState.STOPPING, VmState.STOPPED);
        assertThat(startEvents.of(org.qvd.protocol.message.CommandFailed.class))
                .as("the overtaken start says nothing")
                .isEmpty();
        assertThat(agentEnded).hasValue(1);
    }

    @Test
    void stoppingAnEmptyHostTwiceOnlyReportsAgain() {
        StopHostHandler handler = handler(VmaStandIn.silent());

        handler.handle(new StopHostCommand("node1", "a"));
        handler.handle(new StopHostCommand("node1", "a"));

        assertThat(events.of(HostStateChanged.class)).hasSize(4);
        assertThat(events.of(VmStateChanged.class)).isEmpty();
    }
}
