package org.qvd.hkd.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Ticker} whose time moves only when the test says so: every task due by then runs, in time order. */
public final class ManualTicker implements Ticker {

    private final List<Task> tasks = new ArrayList<>();
    private Duration now = Duration.ZERO;

    private static final class Task {
        final Duration period;
        final Runnable run;
        Duration next;
        boolean stopped;

        Task(Duration period, Runnable run, Duration next) {
            this.period = period;
            this.run = run;
            this.next = next;
        }
    }

    @Override
    public synchronized Ticking every(Duration period, Runnable task) {
        Task t = new Task(period, task, now.plus(period));
        tasks.add(t);
        return () -> t.stopped = true;
    }

    /** Moves time forward by {@code step}, running each task as often as it fell due. */
    public void advance(Duration step) {
        Duration until = now.plus(step);
        for (Task due = nextDue(until); due != null; due = nextDue(until)) {
            now = due.next;
            due.next = due.next.plus(due.period);
            due.run.run();
        }
        now = until;
    }

    private synchronized Task nextDue(Duration until) {
        Task first = null;
        for (Task t : tasks) {
            if (!t.stopped && t.next.compareTo(until) <= 0 && (first == null || t.next.compareTo(first.next) < 0)) {
                first = t;
            }
        }
        return first;
    }
}
