package org.qvd.hkd.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * An agent killed while a guest booted: the next agent process finds the domain and reports {@code running}
 * once the VMA answers, so the VMAS's start does not hang until its timeout.
 */
class BootResumptionTest {

    private static final String KEY = "fedcba9876543210".repeat(4);

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();

    @AfterEach
    void close() {
        hv.close();
    }

    @Test
    void aRestartedAgentReportsABootedGuestRunningWithTheKeyItWasGiven() {
        // the first agent created the domain and died before its VMA answered
        hv.startHandler(VmaStandIn.silent(), new RecordingEventSink())
                .handle(VmCommands.start(7, "c").withVmaKey(KEY));
        hv.waits.cancel(7);
        VmaStandIn vma = VmaStandIn.answeringAfter(2, ip -> {});
        hv.useVma(vma);

        new BootResumption("node1", hv.config, hv.domains, hv.waits, hv.locks, events).resume();
        hv.settle(7);

        assertThat(events.of(VmStateChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(VmState.RUNNING);
            assertThat(e.vmId()).isEqualTo(7);
            assertThat(e.ip()).isEqualTo("10.3.0.7");
        });
        assertThat(vma.keys()).containsOnly(KEY);
        assertThat(hv.domains.list()).hasSize(1);
    }
}
