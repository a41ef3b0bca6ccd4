package org.qvd.hkd.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.LibvirtException;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.messaging.EmbeddedBroker;
import org.qvd.hkd.messaging.VmasStandIn;
import org.qvd.hkd.messaging.VmasStandIn.Received;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * The whole agent over a real Artemis broker (2.44.0, WildFly's version) with libvirt's test driver; the
 * VMAS side is a JMS stand-in, the VMA in the guest a stand-in too (no guest exists under the test driver).
 */
class HkdAgentIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private EmbeddedBroker broker;
    private HkdDaemon agent;
    private VmasStandIn vmas;

    @BeforeEach
    void startBrokerAndAgent() throws Exception {
        broker = new EmbeddedBroker();
        broker.start();
        vmas = new VmasStandIn(broker.url());
        HkdConfig config = HkdConfig.of(TestHypervisor.testSettings(Map.of(
                "broker.urls", broker.url(),
                "broker.reconnect.min", "200ms",
                "broker.reconnect.max", "1s",
                "heartbeat.period", "300ms",
                "vma.start-timeout", "5s")));
        agent = new HkdDaemon(config, VmaStandIn.answeringAfter(2, ip -> {}));
        agent.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (vmas != null) {
            vmas.close();
        }
        broker.close();
    }

    @Test
    void registersThenHeartbeatsWithCapacityAndProperties() throws Exception {
        Received registered = vmas.await(is(HostRegistered.class), WAIT);
        HostRegistered registration = registered.envelope().as(HostRegistered.class);
        assertThat(registration.hostName()).isEqualTo("node1");
        assertThat(registration.heartbeatPeriodMs()).isEqualTo(300);
        assertThat(registration.domainType()).isEqualTo("qemu");
        assertThat(registration.vms()).isEmpty();
        assertThat(registered.properties())
                .containsEntry("type", "HostRegistered")
                .containsEntry("schemaVersion", "1.2")
                .containsEntry("hostName", "node1")
                .doesNotContainKey("correlationId")
                .as("sent to the host's own address, which only its account may send to")
                .containsEntry(Destinations.ORIGINAL_ADDRESS, "jms.queue.qvd.events.node1");

        HostHeartbeat first =
                vmas.await(is(HostHeartbeat.class), WAIT).envelope().as(HostHeartbeat.class);
        HostHeartbeat second =
                vmas.await(is(HostHeartbeat.class), WAIT).envelope().as(HostHeartbeat.class);
        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(first.agentId()).isEqualTo(registration.agentId());
        assertThat(first.capacity().cpus()).isEqualTo(2);
        assertThat(first.capacity().ramTotalMb()).isEqualTo(8192);
        assertThat(broker.hasQueue("jms.queue.qvd.events"))
                .as("WildFly 1.x prefix on the events queue")
                .isTrue();
        assertThat(broker.hasQueue("jms.queue.qvd.hkd.node1"))
                .as("WildFly 1.x prefix on the host queue")
                .isTrue();
    }

    @Test
    void startsAVmFromItsQueueOnceEvenWhenTheCommandComesTwice() throws Exception {
        vmas.await(is(HostRegistered.class), WAIT);
        new TestHypervisorDisk(agent).add(TestHypervisor.DI);
        StartVmCommand start = new StartVmCommand(
                "node1",
                "corr-start-5",
                5,
                "vm-5",
                7,
                TestHypervisor.DI,
                true,
                false,
                256,
                1,
                64,
                "52:54:00:03:00:05",
                "10.3.0.5",
                null);

        vmas.send(start);
        Received starting = vmas.await(state(VmState.STARTING), WAIT);
        Received running = vmas.await(state(VmState.RUNNING), WAIT);
        vmas.send(start);
        List<Envelope> after = eventsUntilHandled(new StopVmCommand("node1", "corr-after-5", 55, 1));

        assertThat(starting.properties()).containsEntry("correlationId", "corr-start-5");
        assertThat(running.envelope().as(VmStateChanged.class).ip()).isEqualTo("10.3.0.5");
        assertThat(after)
                .as("the copy is answered by nothing: the first delivery's events were sent")
                .noneMatch(e -> "corr-start-5".equals(e.correlationId()));
        assertThat(agent.libvirt().listDomains()).hasSize(1);
        HostHeartbeat beat = vmas.await(
                        envelope -> envelope.message() instanceof HostHeartbeat h
                                && h.sequence() > 0
                                && !h.vms().isEmpty()
                                && h.vms().get(0).state() == VmState.RUNNING,
                        WAIT)
                .envelope()
                .as(HostHeartbeat.class);
        assertThat(beat.vms()).singleElement().satisfies(vm -> {
            assertThat(vm.vmId()).isEqualTo(5);
            assertThat(vm.state()).isEqualTo(VmState.RUNNING);
            assertThat(vm.ip()).isEqualTo("10.3.0.5");
        });
        assertThat(beat.capacity().ramCommittedMb()).isEqualTo(256);
    }

    /**
     * Fault 3 of issue 13: the broker (WildFly's, killed with -9) restarts without the acknowledgement of a start the
     * agent had executed, and delivers that start again, after its VM was stopped. Executing it would boot a VM that
     * the admin stopped; the agent recognises the copy by its correlation id and executes nothing.
     */
    @Test
    void aStartDeliveredAgainAfterABrokerRestartIsNotExecutedTwice() throws Exception {
        vmas.await(is(HostRegistered.class), WAIT);
        new TestHypervisorDisk(agent).add(TestHypervisor.DI);
        StartVmCommand start = new StartVmCommand(
                "node1",
                "corr-start-9",
                9,
                "vm-9",
                7,
                TestHypervisor.DI,
                true,
                false,
                256,
                1,
                0,
                "52:54:00:03:00:09",
                "10.3.0.9",
                null);
        vmas.send(start);
        vmas.await(state(VmState.RUNNING), WAIT);
        vmas.send(new StopVmCommand("node1", "corr-stop-9", 9, 1));
        vmas.await(state(VmState.STOPPED), WAIT);
        vmas.close();
        vmas = null;
        broker.stop();
        await("the agent sees the broker gone").atMost(WAIT).until(() -> !agent.connectedToBroker());
        broker.start();
        vmas = new VmasStandIn(broker.url());
        vmas.await(is(HostRegistered.class), WAIT);

        vmas.send(start); // the broker's copy: same body, same correlation id
        List<Envelope> after = eventsUntilHandled(new StopVmCommand("node1", "corr-after-9", 99, 1));

        assertThat(after)
                .as("no event of the copy: no starting, no command failed")
                .noneMatch(e -> "corr-start-9".equals(e.correlationId()));
        assertThat(agent.libvirt().listDomains()).as("no domain booted again").isEmpty();
    }

    /** Sends {@code probe} (a command for an absent VM) and returns every event up to its answer: commands sent
     * before it have been taken by then. */
    private List<Envelope> eventsUntilHandled(StopVmCommand probe) throws InterruptedException {
        List<Envelope> seen = new java.util.ArrayList<>();
        vmas.send(probe);
        vmas.await(
                e -> {
                    seen.add(e);
                    return e.message() instanceof VmStateChanged c
                            && probe.correlationId().equals(e.correlationId())
                            && c.state() == VmState.STOPPED;
                },
                WAIT);
        return seen;
    }

    @Test
    void survivesGarbageAndCommandsForOtherHosts() throws Exception {
        vmas.await(is(HostRegistered.class), WAIT);

        vmas.sendRaw("node1", "{\"type\":\"Teleport\",\"schemaVersion\":\"1.0\"}", Map.of("type", "Teleport"));
        vmas.sendRaw("node1", "{\"type\":\"StopVm\",\"schemaVersion\":\"9.0\"}", Map.of());
        vmas.sendRaw("node1", "not json", Map.of());
        vmas.send(new StopVmCommand("node1", "corr-stop-77", 77, 1));

        Received stopped = vmas.await(state(VmState.STOPPED), WAIT);
        assertThat(stopped.envelope().correlationId()).isEqualTo("corr-stop-77");
        vmas.await(is(HostHeartbeat.class), WAIT);
    }

    @Test
    void reconnectsAfterTheBrokerRestartsAndReportsItsVmsAgain() throws Exception {
        HostRegistered before =
                vmas.await(is(HostRegistered.class), WAIT).envelope().as(HostRegistered.class);
        new TestHypervisorDisk(agent).add(TestHypervisor.DI);
        vmas.send(new StartVmCommand(
                "node1",
                "corr-6",
                6,
                "vm-6",
                7,
                TestHypervisor.DI,
                true,
                false,
                256,
                1,
                0,
                "52:54:00:03:00:06",
                "10.3.0.6",
                null));
        vmas.await(state(VmState.RUNNING), WAIT);
        vmas.close();
        vmas = null;

        broker.stop();
        await("the agent sees the broker gone").atMost(WAIT).until(() -> !agent.connectedToBroker());
        broker.start();
        vmas = new VmasStandIn(broker.url());

        HostRegistered after =
                vmas.await(is(HostRegistered.class), WAIT).envelope().as(HostRegistered.class);
        assertThat(after.agentId()).isEqualTo(before.agentId());
        assertThat(after.vms())
                .singleElement()
                .satisfies(vm -> assertThat(vm.vmId()).isEqualTo(6));
        vmas.await(is(HostHeartbeat.class), WAIT);
        vmas.send(new StopVmCommand("node1", "corr-stop-6", 6, 1));
        vmas.await(state(VmState.STOPPED), WAIT);
        assertThat(agent.libvirt().listDomains()).isEmpty();
    }

    @Test
    void reportsAFailedStartAsCommandFailed() throws Exception {
        vmas.await(is(HostRegistered.class), WAIT);

        vmas.send(new StartVmCommand(
                "node1",
                "corr-bad",
                8,
                "vm-8",
                7,
                "absent.qcow2",
                true,
                false,
                256,
                1,
                0,
                "52:54:00:03:00:08",
                "10.3.0.8",
                null));

        CommandFailed failed =
                vmas.await(is(CommandFailed.class), WAIT).envelope().as(CommandFailed.class);
        assertThat(failed.correlationId()).isEqualTo("corr-bad");
        assertThat(failed.reason()).contains("absent.qcow2");
    }

    private static java.util.function.Predicate<Envelope> is(Class<?> type) {
        return envelope -> type.isInstance(envelope.message());
    }

    private static java.util.function.Predicate<Envelope> state(VmState state) {
        return envelope -> envelope.message() instanceof VmStateChanged changed && changed.state() == state;
    }

    /** Puts a DI into the agent's own (test-driver) images pool. */
    private record TestHypervisorDisk(HkdDaemon agent) {
        void add(String name) throws LibvirtException {
            agent.libvirt()
                    .storagePoolLookupByName("qvd-images")
                    .storageVolCreateXML(
                            "<volume><name>" + name
                                    + "</name><capacity unit='MiB'>512</capacity><target><format type='qcow2'/></target></volume>",
                            0);
        }
    }
}
