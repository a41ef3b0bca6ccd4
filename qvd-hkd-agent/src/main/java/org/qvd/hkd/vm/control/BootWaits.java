package org.qvd.hkd.vm.control;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.hkd.vm.entity.VmNames;

/**
 * Waits for booting guests without holding a thread per guest: one timer thread checks every waiting VM each
 * ping interval (is its domain still alive? is the wait over?) and fires a non-blocking VMA ping. Any number
 * of starts wait at once. A domain that dies while booting ends its wait at the next tick, with its reason.
 *
 * <p>The outcome runs on the completion executor under the VM's lock, and only if the wait is still
 * registered then: a stop that {@link #cancel cancels} the wait (also under the lock) always wins, so no
 * {@code running} or failure is reported for a start a stop has overtaken.
 */
public final class BootWaits implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BootWaits.class.getName());

    /** What happens when a wait ends; called under the VM's lock. */
    public interface Outcome {

        void running();

        void failed(String reason);
    }

    private final VmDomains domains;
    private final VmaClient vma;
    private final VmLocks locks;
    private final Executor completions;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    private final ConcurrentHashMap<Long, Wait> waits = new ConcurrentHashMap<>();

    public BootWaits(VmDomains domains, VmaClient vma, VmLocks locks, Executor completions, Duration interval) {
        this.domains = domains;
        this.vma = vma;
        this.locks = locks;
        this.completions = completions;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hkd-boot-wait");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts waiting for the VM's VMA (replacing nothing: the caller holds the VM's lock and checked
     * {@link #waiting}). Gives up at {@code giveUpAt} with "VMA not answering after N s".
     */
    public void await(long vmId, String ip, String key, Instant giveUpAt, Outcome outcome) {
        Wait wait = new Wait(vmId, ip, key, giveUpAt, outcome);
        waits.put(vmId, wait);
        wait.tick = timer.scheduleWithFixedDelay(wait::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a start of this VM is waiting for its guest. */
    public boolean waiting(long vmId) {
        return waits.containsKey(vmId);
    }

    /** Number of guests being waited for. */
    public int pending() {
        return waits.size();
    }

    /**
     * Ends the VM's wait without an outcome (a stop or reap overtakes the start). Call under the VM's lock.
     * Returns whether a wait was pending.
     */
    public boolean cancel(long vmId) {
        Wait wait = waits.remove(vmId);
        if (wait == null) {
            return false;
        }
        wait.stopTicking();
        LOG.info(() -> "VM " + vmId + ": the wait for its guest was cancelled");
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        waits.clear();
    }

    private final class Wait {

        private final long vmId;
        private final String ip;
        private final String key;
        private final Instant giveUpAt;
        private final Outcome outcome;
        private final Instant since = Instant.now();
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicBoolean pingInFlight = new AtomicBoolean();
        private volatile ScheduledFuture<?> tick;

        Wait(long vmId, String ip, String key, Instant giveUpAt, Outcome outcome) {
            this.vmId = vmId;
            this.ip = ip;
            this.key = key;
            this.giveUpAt = giveUpAt;
            this.outcome = outcome;
        }

        void tick() {
            if (done.get()) {
                return;
            }
            try {
                if (!domains.isRunning(vmId)) {
                    finish(
                            false,
                            "domain " + VmNames.domainName(vmId) + " ended while booting"
                                    + QemuLog.lastError(vmId)
                                            .map(e -> ": " + e)
                                            .orElse(" (guest crashed or powered off)"));
                } else if (Instant.now().isAfter(giveUpAt)) {
                    long waited =
                            Math.round(Duration.between(since, Instant.now()).toMillis() / 1000.0);
                    finish(false, "VMA not answering after " + waited + " s");
                } else if (pingInFlight.compareAndSet(false, true)) {
                    vma.pingAsync(ip, key).whenComplete((answered, e) -> {
                        pingInFlight.set(false);
                        if (Boolean.TRUE.equals(answered)) {
                            finish(true, null);
                        }
                    });
                }
            } catch (RuntimeException e) {
                // libvirt briefly unavailable: the next tick tries again; the deadline still ends the wait
                LOG.log(Level.FINE, "boot wait of VM " + vmId + ": " + e.getMessage(), e);
            }
        }

        void stopTicking() {
            done.set(true);
            ScheduledFuture<?> future = tick;
            if (future != null) {
                future.cancel(false);
            }
        }

        private void finish(boolean running, String reason) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            stopTicking();
            completions.execute(() -> locks.withLock(vmId, () -> {
                if (!waits.remove(vmId, this)) {
                    return; // a stop cancelled it meanwhile: the stop reports
                }
                if (running) {
                    outcome.running();
                } else {
                    outcome.failed(reason);
                }
            }));
        }
    }
}
