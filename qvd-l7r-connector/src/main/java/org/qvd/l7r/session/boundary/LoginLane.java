package org.qvd.l7r.session.boundary;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
 */
final class LoginLane implements Executor {

    /** Logins in flight per core. */
    static final int WIDTH_PER_CORE = 2;

    private static final Logger LOG = Logger.getLogger(LoginLane.class.getName());

    private final Executor worker;
    private final int width;
    private final Deque<Runnable> waiting = new ConcurrentLinkedDeque<>();
    private final AtomicInteger running = new AtomicInteger();

    LoginLane(Executor worker, int width) {
        this.worker = worker;
        this.width = Math.max(1, width);
    }

    @Override
    public void execute(Runnable login) {
        waiting.add(login);
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
            Runnable next = waiting.poll();
            if (next == null) {
                running.decrementAndGet();
                continue;
            }
            try {
                worker.execute(() -> {
                    try {
                        next.run();
                    } finally {
                        running.decrementAndGet();
                        drain();
                    }
                });
            } catch (RejectedExecutionException busy) {
                // the worker's queue is full (a storm) or it is stopping: the login keeps its place at the head and
                // goes when the next login ends or arrives; its call's own limit ends it if neither ever happens
                waiting.addFirst(next);
                running.decrementAndGet();
                LOG.log(Level.FINE, "the worker refused a login for now (busy or stopping)", busy);
                return;
            }
        }
    }
}
