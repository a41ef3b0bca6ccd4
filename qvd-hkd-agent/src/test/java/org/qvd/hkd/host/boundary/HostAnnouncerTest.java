package org.qvd.hkd.host.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.libvirt.LibvirtException;
import org.qvd.hkd.host.control.DomainSurvey;
import org.qvd.hkd.host.control.HostProbe;
import org.qvd.hkd.host.control.VmInventory;
import org.qvd.hkd.platform.ManualTicker;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.vm.control.DomainXmlBuilder;
import org.qvd.hkd.vm.entity.DomainSpec;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.hkd.vm.entity.VmNames;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.VmReport;

class HostAnnouncerTest {

    private final TestHypervisor hv = new TestHypervisor();
    private final RecordingEventSink events = new RecordingEventSink();
    private final HostAnnouncer announcer = new HostAnnouncer(
            hv.config, "node1", new HostProbe(hv.connect, "test:"), new VmInventory(hv.domains, hv.activities), events);

    @AfterEach
    void close() {
        announcer.close();
        hv.close();
    }

    private void domainLeftByAnEarlierAgent(long vmId) {
        hv.domains.create(
                vmId,
                new DomainXmlBuilder()
                        .build(new DomainSpec(
                                vmId,
                                "old",
                                VmNames.domainUuid(vmId),
                                "qemu",
                                "x86_64",
                                512,
                                1,
                                "/x.qcow2",
                                false,
                                null,
                                "qvd-net",
                                "52:54:00:00:00:01",
                                "10.3.0.9",
                                null,
                                null,
                                null,
                                null)));
    }

    @Test
    void registersEveryQvdDomainItFindsSoNothingIsOrphaned() throws LibvirtException {
        domainLeftByAnEarlierAgent(9);
        hv.connect.domainDefineXML("<domain type='qemu'><name>qvd-vm-10</name><memory unit='MiB'>64</memory>"
                + "<os><type arch='x86_64'>hvm</type></os></domain>");
        hv.connect.domainCreateXML(
                "<domain type='qemu'><name>not-ours</name><memory unit='MiB'>64</memory>"
                        + "<os><type arch='x86_64'>hvm</type></os></domain>",
                0);

        announcer.register();

        HostRegistered registered = events.of(HostRegistered.class).get(0);
        assertThat(registered.vms())
                .containsExactlyInAnyOrder(
                        new VmReport(9, "qvd-vm-9", VmState.RUNNING, "10.3.0.9", "52:54:00:00:00:01", 512),
                        new VmReport(10, "qvd-vm-10", VmState.STOPPED, null, null, 64));
        assertThat(registered.capacity().ramTotalMb()).isEqualTo(8192);
        assertThat(registered.capacity().ramCommittedMb()).isEqualTo(512);
        assertThat(registered.agentId()).isEqualTo(announcer.agentId());
    }

    @Test
    void heartbeatsCountUpAndReportTransitionalStates() {
        domainLeftByAnEarlierAgent(9);
        hv.activities.begin(9, VmState.STOPPING);

        announcer.beat();
        announcer.state(HostState.STOPPING);
        announcer.beat();

        assertThat(events.of(HostHeartbeat.class))
                .extracting(HostHeartbeat::sequence)
                .containsExactly(1L, 2L);
        assertThat(events.of(HostHeartbeat.class))
                .extracting(HostHeartbeat::state)
                .containsExactly(HostState.RUNNING, HostState.STOPPING);
        assertThat(events.of(HostHeartbeat.class).get(0).vms())
                .singleElement()
                .extracting(VmReport::state)
                .isEqualTo(VmState.STOPPING);
    }

    @Test
    void aHeartbeatGoesOutWhileLibvirtIsBusyWithTheLastListAndTheCurrentStarts() {
        domainLeftByAnEarlierAgent(9);
        // libvirt's real test driver never blocks: the listing is held back here as a busy qemu:///system does
        // while it creates a domain on a loaded host (110 s seen), which made the VMAS declare the host lost
        AtomicBoolean busy = new AtomicBoolean();
        CountDownLatch domainCreated = new CountDownLatch(1);
        DomainSurvey survey = new DomainSurvey(() -> {
            if (busy.get()) {
                awaitQuietly(domainCreated);
            }
            return hv.domains.list();
        });
        HostAnnouncer host = new HostAnnouncer(
                hv.config, "node1", new HostProbe(hv.connect, "test:"), new VmInventory(survey, hv.activities), events);
        try {
            host.beat();
            busy.set(true);
            hv.activities.begin(12, VmState.STARTING);

            assertTimeoutPreemptively(Duration.ofSeconds(5), host::beat);

            List<HostHeartbeat> beats = events.of(HostHeartbeat.class);
            assertThat(beats).hasSize(2);
            assertThat(beats.get(1).vms())
                    .extracting(VmReport::vmId, VmReport::state)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(9L, VmState.RUNNING),
                            org.assertj.core.groups.Tuple.tuple(12L, VmState.STARTING));
        } finally {
            domainCreated.countDown();
            host.close();
        }
        // once libvirt answers again, heartbeats carry its new list
        assertThat(survey.now()).extracting(VmDomain::vmId).containsExactly(9L);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void heartbeatsOnItsOwnAtTheConfiguredPeriodUntilClosed() {
        ManualTicker clock = new ManualTicker();
        HostAnnouncer host = new HostAnnouncer(
                hv.config,
                "node1",
                new HostProbe(hv.connect, "test:"),
                new VmInventory(hv.domains, hv.activities),
                events,
                List.of("vm"),
                clock);
        host.start(); // period 200 ms in the test settings

        clock.advance(Duration.ofMillis(199));
        assertThat(events.of(HostHeartbeat.class))
                .as("none before the first period")
                .isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(events.of(HostHeartbeat.class)).hasSize(1);
        clock.advance(Duration.ofMillis(800));
        assertThat(events.of(HostHeartbeat.class))
                .extracting(HostHeartbeat::sequence)
                .containsExactly(1L, 2L, 3L, 4L, 5L);

        host.close();
        clock.advance(Duration.ofSeconds(1));
        assertThat(events.of(HostHeartbeat.class)).as("none after close").hasSize(5);
    }
}
