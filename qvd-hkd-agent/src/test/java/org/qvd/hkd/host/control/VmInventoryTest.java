package org.qvd.hkd.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.platform.VmaStandIn;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.VmReport;

/**
 * A start whose domain does not exist yet (disks and domain creation took a minute on a busy guest-tier host) is
 * in every heartbeat as {@code starting}: the VMAS must not take it for a start the host lost.
 */
class VmInventoryTest {

    private final TestHypervisor hv = new TestHypervisor();

    @AfterEach
    void close() {
        hv.close();
    }

    @Test
    void aStartStillPreparingItsDomainIsReportedStarting() throws Exception {
        VmInventory inventory = new VmInventory(hv.domains, hv.activities);
        CountDownLatch preparing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the start holds the VM's lock while it prepares; here the lock is held just before the domain exists
        Thread start = new Thread(() -> hv.locks.withLock(9, () -> {
            hv.activities.begin(9, VmState.STARTING);
            preparing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        start.start();
        preparing.await();

        assertThat(inventory.vms())
                .extracting(VmReport::vmId, VmReport::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9L, VmState.STARTING));

        release.countDown();
        start.join();
        hv.startAndSettle(
                hv.startHandler(VmaStandIn.answeringAfter(0, ip -> {}), new RecordingEventSink()),
                new StartVmCommand(
                        "node1",
                        "c",
                        9,
                        "vm-9",
                        7,
                        TestHypervisor.DI,
                        true,
                        false,
                        128,
                        1,
                        0,
                        "52:54:00:03:00:09",
                        "10.3.0.9",
                        null));
        assertThat(inventory.vms()).singleElement().satisfies(vm -> {
            assertThat(vm.state()).isEqualTo(VmState.RUNNING);
            assertThat(vm.ip()).isEqualTo("10.3.0.9");
        });
    }

    @Test
    void aStopStillTearingDownAfterItsDomainEndedIsReportedStopping() throws Exception {
        VmInventory inventory = new VmInventory(hv.domains, hv.activities);
        CountDownLatch tearingDown = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the stop holds the VM's lock until its teardown is done; here its domain is already gone
        Thread stop = new Thread(() -> hv.locks.withLock(8, () -> {
            hv.activities.begin(8, VmState.STOPPING);
            tearingDown.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hv.activities.end(8);
            }
        }));
        stop.start();
        tearingDown.await();

        assertThat(inventory.vms())
                .extracting(VmReport::vmId, VmReport::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8L, VmState.STOPPING));

        release.countDown();
        stop.join();
        assertThat(inventory.vms()).as("once the stop is done, the VM is gone").isEmpty();
    }
}
