package org.qvd.hkd.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.vm.PurgeHomeCommand;
import org.qvd.protocol.vm.ReapVmCommand;

/** The explicit purge of a deleted VM's home disk, on libvirt's test driver. */
class PurgeHomeHandlerTest {

    private static final String HOME = "qvd-vm-40-home.qcow2";

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();

    @AfterEach
    void close() {
        hv.close();
    }

    @Test
    void keepsTheHomeOfARunningVmAndDeletesItOnceTheVmIsGone() {
        hv.startAndSettle(
                hv.startHandler(VmaStandIn.answeringAfter(0, ip -> {}), new RecordingEventSink()),
                VmCommands.start(40, "start", true, false, 64));
        assertThat(hv.volumeExists("qvd-homes", HOME)).isTrue();
        PurgeHomeHandler purge = new PurgeHomeHandler(hv.domains, hv.storage, hv.locks, events);

        purge.handle(new PurgeHomeCommand("node1", "purge-1", 40));
        assertThat(hv.volumeExists("qvd-homes", HOME))
                .as("a running VM keeps its disk")
                .isTrue();
        assertThat(events.of(CommandFailed.class))
                .singleElement()
                .satisfies(f -> assertThat(f.commandType()).isEqualTo("PurgeHome"))
                .satisfies(f -> assertThat(f.reason()).contains("still exists"));

        new ReapVmHandler(hv.domains, hv.teardown, hv.waits, hv.locks, hv.activities, new RecordingEventSink())
                .handle(new ReapVmCommand("node1", "reap", 40));
        assertThat(hv.volumeExists("qvd-homes", HOME))
                .as("stopping never deletes a home")
                .isTrue();
        purge.handle(new PurgeHomeCommand("node1", "purge-2", 40));
        assertThat(hv.volumeExists("qvd-homes", HOME)).isFalse();
        purge.handle(new PurgeHomeCommand("node1", "purge-3", 40));
        assertThat(events.of(CommandFailed.class))
                .as("a host without the volume has nothing to say")
                .hasSize(1);
    }
}
