package org.qvd.hkd.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.hkd.vm.control.VmaClient;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.VmaState;

class VmaMonitorTest {

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();

    @AfterEach
    void close() {
        hv.close();
    }

    @Test
    void reportsOnlyWhenAVmaStandInStopsOrStartsAnswering() {
        hv.startAndSettle(
                hv.startHandler(VmaStandIn.answeringAfter(0, ip -> {}), new RecordingEventSink()),
                VmCommands.start(50, "s"));
        AtomicBoolean answers = new AtomicBoolean(true);
        VmaClient switchable = new VmaClient() {
            @Override
            public boolean ping(String ip, String key) {
                return answers.get();
            }

            @Override
            public boolean poweroff(String ip, String key) {
                return false;
            }
        };
        VmaMonitor monitor = new VmaMonitor("node1", hv.domains, hv.activities, switchable, events);

        monitor.check();
        answers.set(false);
        monitor.check();
        monitor.check();
        answers.set(true);
        monitor.check();

        assertThat(events.of(VmaState.class))
                .extracting(VmaState::responding, VmaState::failedPings)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(false, 1), org.assertj.core.groups.Tuple.tuple(true, 0));
    }

    @Test
    void leavesVmsAHandlerIsWorkingOnAlone() {
        hv.startAndSettle(
                hv.startHandler(VmaStandIn.answeringAfter(0, ip -> {}), new RecordingEventSink()),
                VmCommands.start(51, "s"));
        hv.activities.begin(51, VmState.STOPPING);
        VmaStandIn silent = VmaStandIn.silent();

        new VmaMonitor("node1", hv.domains, hv.activities, silent, events).check();

        assertThat(silent.calls()).isEmpty();
        assertThat(events.events()).isEmpty();
    }
}
