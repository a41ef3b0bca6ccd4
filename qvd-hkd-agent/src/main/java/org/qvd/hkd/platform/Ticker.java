package org.qvd.hkd.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The agent's clock for periodic work (heartbeats): runs a task every period. The agent uses {@link #system(String)};
 * a test moves time by hand instead of sleeping, so what happens at which period is exact.
 */
@FunctionalInterface
public interface Ticker {

    /** What {@link #every(Duration, Runnable)} started; closing it stops the task (a run in progress finishes). */
    interface Ticking extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code task} every {@code period}, the first time one period from now. */
    Ticking every(Duration period, Runnable task);

    /** Real time, on one daemon thread named {@code threadName} per started task. */
    static Ticker system(String threadName) {
        return (period, task) -> {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, threadName);
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
            return timer::shutdownNow;
        };
    }
}
