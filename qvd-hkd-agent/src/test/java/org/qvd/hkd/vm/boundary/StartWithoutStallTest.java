package org.qvd.hkd.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.hkd.messaging.CommandDispatcher;
import org.qvd.hkd.platform.RecordingEventSink;
import org.qvd.hkd.platform.TestHypervisor;
import org.qvd.hkd.vm.control.VmaClient;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * Issue 13, the host agent: a guest that never boots must not stall the host. The whole command path
 * (dispatcher → handlers → boot waits) on libvirt's real test driver, with few handler threads; only the VMA
 * inside each guest is a stand-in (per IP: silent for the "unbootable" images, answering for the good one).
 */
class StartWithoutStallTest {

    private static final String GOOD_IP = "10.3.0.99";

    private final TestHypervisor hv = new TestHypervisor(
            TestHypervisor.offDiskStorage(Map.of("vma.start-timeout", "120s", "vma.ping-interval", "50ms")));
    private final RecordingEventSink events = new RecordingEventSink();
    private final MessageCodec codec = new MessageCodec();
    private ExecutorService workers;

    @AfterEach
    void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
        hv.close();
    }

    /** The agent's command path with {@code threads} handler threads; guests at GOOD_IP answer, others never. */
    private CommandDispatcher agent(int threads) {
        AtomicInteger made = new AtomicInteger();
        workers = Executors.newFixedThreadPool(
                threads, r -> new Thread(r, "stall-test-handler-" + made.incrementAndGet()));
        VmaClient onlyTheGoodOneAnswers = new VmaClient() {
            @Override
            public boolean ping(String ip, String key) {
                return GOOD_IP.equals(ip);
            }

            @Override
            public boolean poweroff(String ip, String key) {
                return false;
            }
        };
        return new CommandDispatcher("node1", codec, workers, events)
                .on(StartVmCommand.class, hv.startHandler(onlyTheGoodOneAnswers, events))
                .on(StopVmCommand.class, hv.stopHandler(onlyTheGoodOneAnswers, events));
    }

    @Test
    void theStallScenarioEndsWithTheStopDoneAndTheOtherStartRunning() throws Exception {
        CommandDispatcher agent = agent(4);
        for (long vmId = 1; vmId <= 3; vmId++) {
            agent.dispatch(codec.encode(VmCommands.start(vmId, "bad-" + vmId)));
        }
        awaitTrue(() -> hv.waits.pending() == 3, Duration.ofSeconds(10), "three starts waiting");

        Instant stopSent = Instant.now();
        agent.dispatch(codec.encode(new StopVmCommand("node1", "stop-2", 2, 60)));
        agent.dispatch(codec.encode(new StartVmCommand(
                "node1",
                "good",
                99,
                "other-tenant",
                7,
                TestHypervisor.DI,
                true,
                false,
                256,
                1,
                0,
                "52:54:00:03:00:63",
                GOOD_IP,
                null)));

        awaitTrue(() -> stateOf(2, "stop-2").contains(VmState.STOPPED), Duration.ofSeconds(15), "stop done");
        Duration stopTook = Duration.between(stopSent, Instant.now());
        awaitTrue(() -> stateOf(99, "good").contains(VmState.RUNNING), Duration.ofSeconds(15), "other start running");
        System.out.println("stall scenario: stop done " + stopTook.toMillis() + " ms after it was sent");

        assertThat(stopTook).isLessThan(Duration.ofSeconds(15));
        assertThat(stateOf(2, "stop-2")).containsExactly(VmState.STOPPING, VmState.STOPPED);
        assertThat(hv.domains.find(2)).isEmpty();
        await("the overtaken start reports nothing after the stop")
                .during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(1))
                .until(() -> events.of(CommandFailed.class).stream().noneMatch(f -> f.vmId() == 2));
        assertThat(stateOf(2, "bad-2")).containsExactly(VmState.STARTING);
        assertThat(hv.waits.pending())
                .as("VMs 1 and 3 still wait, holding no handler thread")
                .isEqualTo(2);
    }

    @Test
    void tenConcurrentStartsWaitOnOneTimerThreadWithTwoHandlerThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        CommandDispatcher agent = agent(2);

        for (long vmId = 10; vmId < 20; vmId++) {
            agent.dispatch(codec.encode(VmCommands.start(vmId, "c-" + vmId)));
        }

        awaitTrue(() -> hv.waits.pending() == 10, Duration.ofSeconds(20), "ten starts waiting at once");
        // the threads this test's agent started (its handlers, the agent's own), not the JVM's or other tests' that
        // come and go (one made a count of every live thread 4 in a run)
        List<String> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .map(Thread::getName)
                .filter(name -> name.startsWith("stall-test-handler-") || name.startsWith("hkd-"))
                .toList();
        System.out.println("10 concurrent starts waiting: " + started.size() + " more live threads than before "
                + started + " (2 handler threads, 1 boot-wait timer)");
        assertThat(hv.domains.list()).filteredOn(d -> d.active()).hasSize(10);
        assertThat(started).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aDomainThatDiesWhileBootingEndsTheStartAtOnceWithItsReason() throws Exception {
        CommandDispatcher agent = agent(1);
        agent.dispatch(codec.encode(VmCommands.start(30, "c-30")));
        awaitTrue(() -> hv.waits.waiting(30), Duration.ofSeconds(10), "start waiting");

        Instant crashed = Instant.now();
        hv.domains.destroy(30); // what a guest crashing during boot looks like to libvirt

        awaitTrue(() -> !events.of(CommandFailed.class).isEmpty(), Duration.ofSeconds(5), "start failed");
        System.out.println("a domain dying while booting ended its start after "
                + Duration.between(crashed, Instant.now()).toMillis() + " ms (start timeout 120 s)");
        assertThat(events.of(CommandFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.correlationId()).isEqualTo("c-30");
            assertThat(f.vmState()).isEqualTo(VmState.STOPPED);
            assertThat(f.reason()).startsWith("domain qvd-vm-30 ended while booting");
        });
        assertThat(hv.volumeExists("qvd-overlays", "qvd-vm-30-overlay.qcow2")).isFalse();
        assertThat(hv.dhcp.entries()).isEmpty();
    }

    @Test
    void aStartTheVmasHasGivenUpOnWhileItWaitedForTheVmIsNeverExecuted() throws Exception {
        CommandDispatcher agent = agent(2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread busy = new Thread(() -> hv.locks.withLock(40, () -> {
            held.countDown();
            awaitQuietly(release);
        }));
        busy.start();
        held.await();

        agent.dispatch(codec.encode(
                VmCommands.start(40, "late").withDeadline(Instant.now().plusMillis(300))));
        Thread.sleep(600);
        release.countDown();
        busy.join();

        awaitTrue(() -> !events.of(CommandFailed.class).isEmpty(), Duration.ofSeconds(5), "answered");
        assertThat(events.of(CommandFailed.class))
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("expired"));
        assertThat(events.of(VmStateChanged.class)).isEmpty();
        assertThat(hv.domains.find(40)).isEmpty();
    }

    @Test
    void aStopOfAVmStillBootingNeedsNoFreeHandlerThreadToWaitFor() throws Exception {
        CommandDispatcher agent = agent(1);
        agent.dispatch(codec.encode(VmCommands.start(50, "start-50")));
        awaitTrue(() -> hv.waits.waiting(50), Duration.ofSeconds(10), "start waiting");

        Instant sent = Instant.now();
        agent.dispatch(codec.encode(new StopVmCommand("node1", "stop-50", 50, 60)));

        awaitTrue(() -> stateOf(50, "stop-50").contains(VmState.STOPPED), Duration.ofSeconds(5), "stopped");
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(hv.waits.waiting(50)).isFalse();
        assertThat(hv.domains.find(50)).isEmpty();
    }

    private List<VmState> stateOf(long vmId, String correlationId) {
        return events.of(VmStateChanged.class).stream()
                .filter(e -> e.vmId() == vmId && correlationId.equals(e.correlationId()))
                .map(VmStateChanged::state)
                .toList();
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        await(what).atMost(timeout).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
