package org.qvd.l7r.session.boundary;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The lane logins take to the worker: at most {@code width} of them (two per core) run at a time, in arrival order;
 * the others wait here, holding no thread. A login may cost a password-hash check of ~100 ms of CPU: in a logon storm
 * hundreds arrive at once, and on the shared worker they would queue ahead of the later steps of the connects whose
 * login already passed (VM, session, tunnel), so that every client would wait for the last hash. In this lane the
 * clients are through one after the other, the hash checks keep every core busy, and the rest of the worker serves
 * the connects that are past their login.
 *
 * <p>Two per core, not one: a login also waits for the database (its account, its throttle counters) while holding
 * its place in the lane, and with one per core a core would sit idle during that wait. The hash checks themselves
 * pass the VMAS's gate of one per core, so the second login of a core reads its account while the first one hashes.
 *
 * <p>A login the worker refuses (its queue full, or the server stopping) keeps its place at the head and is handed
 * again {@link #RETRY_MILLIS} later on its connection's event loop: waiting for the next login to end or arrive lost
 * the last logins of a storm, which then waited for their turn's limit with no answer.
 */
final class LoginLane {

    /** Logins in flight per core. */
    static final int WIDTH_PER_CORE = 2;

    /** How soon a login the worker refused is handed to it again. */
    static final long RETRY_MILLIS = 50;

    private static final Logger LOG = Logger.getLogger(LoginLane.class.getName());

    private final Executor worker;
    private final int width;
    private final Deque<Waiting> waiting = new ConcurrentLinkedDeque<>();
    private final AtomicInteger running = new AtomicInteger();

    LoginLane(Executor worker, int width) {
        this.worker = worker;
        this.width = Math.max(1, width);
    }

    /** A login waiting for its turn, and where a retry of its hand-over is scheduled (its connection's loop). */
    private record Waiting(Runnable login, ScheduledExecutorService retries) {}

    /** Runs {@code login} on the worker in its turn; {@code retries} schedules a hand-over the worker refused. */
    void execute(Runnable login, ScheduledExecutorService retries) {
        waiting.add(new Waiting(login, retries));
        drain();
    }

    private void drain() {
        while (!waiting.isEmpty()) {
            int now = running.get();
            if (now >= width) {
                return; // a running login drains when it ends
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            Waiting next = waiting.poll();
            if (next == null) {
                running.decrementAndGet();
                continue;
            }
            try {
                worker.execute(() -> {
                    try {
                        next.login().run();
                    } finally {
                        running.decrementAndGet();
                        drain();
                    }
                });
            } catch (RejectedExecutionException busy) {
                // the worker's queue is full (a storm) or it is stopping: the login keeps its place at the head and
                // is handed again soon, even if no other login ends or arrives; its call's own limit ends it if the
                // worker never takes it
                waiting.addFirst(next);
                running.decrementAndGet();
                LOG.log(Level.FINE, "the worker refused a login for now (busy or stopping)", busy);
                retryLater(next.retries());
                return;
            }
        }
    }

    private void retryLater(ScheduledExecutorService retries) {
        try {
            retries.schedule(this::drain, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.log(Level.FINE, "no retry of a refused login: the listener is stopping", stopping);
        }
    }
}
