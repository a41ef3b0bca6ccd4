package org.qvd.hkd.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libvirt.LibvirtException;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.hkd.vm.control.VmDhcp.HostEntry;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/** StartVm against libvirt's real test driver; only the VMA inside the guest is a stand-in. */
class StartVmHandlerTest {

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();

    @AfterEach
    void close() {
        hv.close();
    }

    private StartVmHandler handler(VmaStandIn vma) {
        return hv.startHandler(vma, events);
    }

    @Test
    void reportsRunningOnlyAfterTheVmaStandInAnswers() {
        VmaStandIn vma = VmaStandIn.answeringAfter(3, ip -> {});

        hv.startAndSettle(handler(vma), VmCommands.start(5, "c-1"));

        assertThat(events.of(VmStateChanged.class))
                .extracting(VmStateChanged::state)
                .containsExactly(VmState.STARTING, VmState.RUNNING);
        assertThat(events.of(VmStateChanged.class).get(1).ip()).isEqualTo("10.3.0.5");
        assertThat(events.of(VmStateChanged.class))
                .allMatch(e -> e.correlationId().equals("c-1"));
        assertThat(vma.calls()).hasSize(4).allMatch(call -> call.equals("ping 10.3.0.5"));
        assertThat(hv.domains.isRunning(5)).isTrue();
    }

    @Test
    void createsOverlayOnTheDiHomeDiskAndDhcpEntry() {
        hv.startAndSettle(handler(VmaStandIn.answeringAfter(0, ip -> {})), VmCommands.start(6, "c-1"));

        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-6-overlay.qcow2")).isTrue();
        assertThat(hv.volumeExists("qvd-homes", "qvd-vm-6-home.qcow2")).isTrue();
        assertThat(hv.dhcp.entries()).containsExactly(new HostEntry("qvd-vm-6", "52:54:00:03:00:06", "10.3.0.6"));
        String xml = hv.domainXml(6);
        assertThat(xml)
                .contains(
                        "type='qemu'",
                        "/var/lib/qvd/storage/overlays/qvd-vm-6-overlay.qcow2",
                        "/var/lib/qvd/storage/homes/qvd-vm-6-home.qcow2",
                        "<source network='qvd-net'/>");
    }

    @Test
    void bootsTheKernelTheVmasNamesRelativeToTheImageStore() {
        StartVmCommand plain = VmCommands.start(8, "c-1");
        // any volume of the image pool stands for the kernel here; the initrd is given as an absolute path
        StartVmCommand withKernel = new StartVmCommand(
                plain.hostName(),
                plain.correlationId(),
                plain.vmId(),
                plain.vmName(),
                plain.diId(),
                plain.diPath(),
                true,
                false,
                256,
                1,
                0,
                plain.mac(),
                plain.ip(),
                new StartVmCommand.DirectBoot(TestHypervisor.DI, "/srv/boot/desktop.initrd", "root=/dev/vda rw"));

        hv.startAndSettle(handler(VmaStandIn.answeringAfter(0, ip -> {})), withKernel);

        assertThat(hv.domainXml(8))
                .contains(
                        "<kernel>/var/lib/qvd/storage/images/" + TestHypervisor.DI + "</kernel>",
                        "<initrd>/srv/boot/desktop.initrd</initrd>",
                        "<cmdline>root=/dev/vda rw</cmdline>");
    }

    @Test
    void attachesTheDiReadOnlyWhenTheOsfWantsNoOverlay() {
        hv.startAndSettle(handler(VmaStandIn.answeringAfter(0, ip -> {})), VmCommands.start(7, "c-1", false, false, 0));

        assertThat(hv.domainXml(7))
                .contains("/var/lib/qvd/storage/images/tiny-7.qcow2", "<readonly/>")
                .doesNotContain("vdb");
        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-7-overlay.qcow2")).isFalse();
    }

    @Test
    void failsAndCleansUpWhenTheVmaStandInNeverAnswers() {
        hv.startAndSettle(handler(VmaStandIn.silent()), VmCommands.start(8, "c-8"));

        CommandFailed failed = events.of(CommandFailed.class).get(0);
        assertThat(failed.correlationId()).isEqualTo("c-8");
        assertThat(failed.commandType()).isEqualTo("StartVm");
        assertThat(failed.vmState()).isEqualTo(VmState.STOPPED);
        assertThat(failed.reason()).startsWith("VMA not answering after ").endsWith(" s");
        assertThat(hv.domains.find(8)).isEmpty();
        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-8-overlay.qcow2")).isFalse();
        assertThat(hv.dhcp.entries()).isEmpty();
        assertThat(hv.volumeExists("qvd-homes", "qvd-vm-8-home.qcow2"))
                .as("home disks are never deleted")
                .isTrue();
    }

    @Test
    void failsWithAClearReasonWhenTheDiIsMissing() {
        StartVmCommand command = new StartVmCommand(
                "node1",
                "c-9",
                9,
                "vm-9",
                99,
                "missing.qcow2",
                true,
                false,
                256,
                1,
                0,
                "52:54:00:03:00:09",
                "10.3.0.9",
                null);

        hv.startAndSettle(handler(VmaStandIn.answeringAfter(0, ip -> {})), command);

        assertThat(events.of(CommandFailed.class))
                .singleElement()
                .satisfies(f -> assertThat(f.reason())
                        .startsWith("image file missing: ")
                        .contains("missing.qcow2"));
        assertThat(hv.domains.find(9)).isEmpty();
        assertThat(hv.dhcp.entries()).isEmpty();
    }

    @Test
    void aDuplicateStartOfARunningVmKeepsTheSameDomain() throws LibvirtException {
        StartVmHandler handler = handler(VmaStandIn.answeringAfter(0, ip -> {}));
        hv.startAndSettle(handler, VmCommands.start(10, "c-10"));
        int domainId = hv.connect.domainLookupByName("qvd-vm-10").getID();

        hv.startAndSettle(handler, VmCommands.start(10, "c-10"));

        assertThat(hv.connect.domainLookupByName("qvd-vm-10").getID()).isEqualTo(domainId);
        assertThat(events.of(VmStateChanged.class))
                .extracting(VmStateChanged::state)
                .containsExactly(VmState.STARTING, VmState.RUNNING, VmState.RUNNING);
        assertThat(events.of(CommandFailed.class)).isEmpty();
    }

    @Test
    void duplicatesDeliveredAtOnceStartOneDomain() throws Exception {
        StartVmHandler handler = handler(VmaStandIn.answeringAfter(5, ip -> {}));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            pool.execute(() -> handler.handle(VmCommands.start(11, "c-11")));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        hv.settle(11);

        assertThat(events.of(CommandFailed.class)).isEmpty();
        // a duplicate arriving while the first start waits is answered by it; one arriving later re-checks the VMA
        assertThat(events.of(VmStateChanged.class))
                .extracting(VmStateChanged::state)
                .startsWith(VmState.STARTING, VmState.RUNNING)
                .containsOnlyOnce(VmState.STARTING)
                .hasSizeBetween(2, 4);
        assertThat(List.of(hv.connect.listDomains())).hasSize(1);
    }

    @Test
    void reusesAPersistentOverlayAndRecreatesAThrowAwayOne() throws LibvirtException {
        StartVmHandler handler = handler(VmaStandIn.answeringAfter(0, ip -> {}));
        hv.startAndSettle(handler, VmCommands.start(12, "a", true, true, 0));
        String persistentKey = hv.connect
                .storagePoolLookupByName("qvd-overlays")
                .storageVolLookupByName("qvd-vm-12-persistent.qcow2")
                .getXMLDesc(0);
        hv.teardown.teardown(12);

        hv.startAndSettle(handler, VmCommands.start(12, "b", true, true, 0));

        assertThat(hv.connect
                        .storagePoolLookupByName("qvd-overlays")
                        .storageVolLookupByName("qvd-vm-12-persistent.qcow2")
                        .getXMLDesc(0))
                .isEqualTo(persistentKey);
        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-12-overlay.qcow2")).isFalse();
        assertThat(hv.domainXml(12)).contains("qvd-vm-12-persistent.qcow2");
    }
}
