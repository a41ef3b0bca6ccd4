package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Logins take at most one worker thread per lane slot, in arrival order; other work is never queued behind them. */
class LoginLaneTest {

    private final ExecutorService worker = Executors.newFixedThreadPool(4);
    /** Stands for the connections' event loop, where a refused hand-over is retried. */
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        worker.shutdownNow();
        loop.shutdownNow();
    }

    @Test
    void runsAtMostItsWidthAtOnceFirstComeFirstAndLeavesTheRestOfTheWorkerFree() throws Exception {
        LoginLane lane = new LoginLane(worker, 2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> started = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(10);
        CountDownLatch firstTwo = new CountDownLatch(2);
        for (int i = 0; i < 10; i++) {
            int n = i;
            lane.execute(
                    () -> {
                        started.add(n);
                        firstTwo.countDown();
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        done.countDown();
                    },
                    loop);
        }
        CountDownLatch other = new CountDownLatch(1);
        worker.execute(other::countDown); // a later step of a connect whose login passed
        assertThat(other.await(2, TimeUnit.SECONDS))
                .as("the worker still serves other work")
                .isTrue();
        assertThat(firstTwo.await(2, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // a third login would have started by now if the lane let it
        assertThat(started).as("the first two, in either order").containsExactlyInAnyOrder(0, 1);
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(2);
        // handed to the worker in arrival order; two handed at once may start in either order on its threads
        assertThat(started).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aLoginTheBusyWorkerRefusesKeepsItsPlaceAndIsHandedAgainWithoutAnotherLogin() throws Exception {
        AtomicInteger refusals = new AtomicInteger(3);
        java.util.concurrent.Executor full = task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new java.util.concurrent.RejectedExecutionException("queue full");
            }
            worker.execute(task);
        };
        LoginLane lane = new LoginLane(full, 2);
        CountDownLatch ran = new CountDownLatch(1);
        lane.execute(ran::countDown, loop);
        assertThat(ran.await(2, TimeUnit.SECONDS))
                .as("the last login of a storm, refused three times, runs although no other login comes")
                .isTrue();
        assertThat(refusals.get()).isNegative();
    }
}
