package org.qvd.hkd.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.vm.StartVmCommand;

/**
 * Issue 13 (C4): a failed start says why, in the words the admin reads in the VM's last failure. Real test
 * driver; the VMA is a stand-in.
 */
class StartFailureReasonsTest {

    private final TestHypervisor hv =
            new TestHypervisor(TestHypervisor.offDiskStorage(Map.of("vma.start-timeout", "2s")));
    private final RecordingEventSink events = new RecordingEventSink();

    @AfterEach
    void close() {
        hv.close();
    }

    private String reasonOf(StartVmHandler handler, StartVmCommand command) {
        hv.startAndSettle(handler, command);
        return events.of(CommandFailed.class).get(0).reason();
    }

    @Test
    void aSilentVmaIsVmaNotAnsweringAfterNSeconds() {
        assertThat(reasonOf(hv.startHandler(VmaStandIn.silent(), events), VmCommands.start(1, "c")))
                .matches("VMA not answering after [23] s");
    }

    @Test
    void aMissingDiIsImageFileMissing() {
        StartVmCommand command = new StartVmCommand(
                "node1",
                "c",
                2,
                "vm-2",
                99,
                "gone-99.qcow2",
                true,
                false,
                256,
                1,
                0,
                "52:54:00:03:00:02",
                "10.3.0.2",
                null);

        assertThat(reasonOf(hv.startHandler(VmaStandIn.silent(), events), command))
                .startsWith("image file missing: ")
                .contains("gone-99.qcow2");
        assertThat(hv.domains.find(2)).isEmpty();
    }

    @Test
    void aHostWithoutTheMemoryIsHostOutOfMemoryAndStartsNothing() {
        StartVmHandler handler = new StartVmHandler(
                hv.config,
                hv.domains,
                hv.storage,
                hv.dhcp,
                hv.waits,
                hv.locks,
                hv.activities,
                events,
                () -> 200,
                Clock.systemUTC());

        assertThat(reasonOf(handler, VmCommands.start(3, "c")))
                .isEqualTo("host out of memory: the VM needs 256 MiB, the host has 200 MiB available");
        assertThat(hv.domains.find(3)).isEmpty();
        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-3-overlay.qcow2")).isFalse();
        assertThat(hv.dhcp.entries()).isEmpty();
    }

    @Test
    void libvirtsAndQemusWordsBecomeTheAdminsReasons() {
        assertThat(
                        org.qvd.hkd.vm.control.StartFailures.explain(
                                "internal error: qemu unexpectedly closed the monitor: cannot set up guest memory 'pc.ram': Cannot allocate memory"))
                .startsWith("host out of memory: ");
        assertThat(org.qvd.hkd.vm.control.StartFailures.explain(
                        "Cannot access backing file '/var/lib/qvd/storage/images/x.qcow2': No such file or directory"))
                .startsWith("image file missing: ");
        assertThat(org.qvd.hkd.vm.control.StartFailures.explain("error writing: No space left on device"))
                .startsWith("no space left on the host's storage: ");
        assertThat(org.qvd.hkd.vm.control.StartFailures.explain("creating overlay o.qcow2 failed: internal error: "
                        + "Child process (/usr/bin/qemu-img create -f qcow2 /s/o.qcow2 1048576K) unexpected exit status 1: "
                        + "qemu-img: /s/o.qcow2: Could not write refcount table: No space left on device"))
                .isEqualTo("no space left on the host's storage: /s/o.qcow2: Could not write refcount table: "
                        + "No space left on device");
        assertThat(org.qvd.hkd.vm.control.StartFailures.explain("something else"))
                .isEqualTo("something else");
    }
}
