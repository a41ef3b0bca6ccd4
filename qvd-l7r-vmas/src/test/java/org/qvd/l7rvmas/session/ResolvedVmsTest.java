package org.qvd.l7rvmas.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.vm.boundary.ConnectView;

/** A connect's takeover gets what its resolve read moments ago, once, for the same user and VM only. */
class ResolvedVmsTest {

    private final AtomicLong clock = new AtomicLong();
    private final ResolvedVms resolved = new ResolvedVms(Duration.ofSeconds(2), clock::get);
    private final ConnectView view = new ConnectView(null, Map.of("qvd.k", "v"), "key");

    @Test
    void theTakeoverOfTheSameUserAndVmGetsItOnce() {
        resolved.remember(1, 7, view);
        assertThat(resolved.take(2, 7)).as("another user").isEmpty();
        assertThat(resolved.take(1, 8)).as("another VM").isEmpty();
        assertThat(resolved.take(1, 7)).contains(view);
        assertThat(resolved.take(1, 7)).as("taken already: read again").isEmpty();
    }

    @Test
    void aStaleReadIsNotUsedAndUntakenReadsDoNotPileUp() {
        resolved.remember(1, 7, view);
        clock.addAndGet(Duration.ofMillis(2001).toNanos());
        assertThat(resolved.take(1, 7)).isEmpty();
        for (int i = 0; i < 1_000; i++) {
            resolved.remember(i, 7, view); // stop_vm resolves too, and nobody takes those
        }
        clock.addAndGet(Duration.ofSeconds(3).toNanos());
        resolved.remember(5_000, 7, view);
        assertThat(resolved.size()).isEqualTo(1);
    }
}
