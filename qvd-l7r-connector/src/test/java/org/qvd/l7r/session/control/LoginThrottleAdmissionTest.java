package org.qvd.l7r.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A login's admission reads the throttle's counters once (with the cluster's store: one database round trip, not
 * five), and the success of a login that had no failures writes nothing; the throttle's rules stay as they were.
 */
class LoginThrottleAdmissionTest {

    /** The real in-memory counters, with every call to them written down. */
    private static final class RecordingCounters implements FailureCounters {
        final FailureCounters real = FailureCounters.inMemory(1000);
        final List<String> calls = new ArrayList<>();

        @Override
        public Failures get(String key) {
            calls.add("get");
            return real.get(key);
        }

        @Override
        public Map<String, Failures> getAll(List<String> keys) {
            calls.add("getAll" + keys.size());
            return real.getAll(keys);
        }

        @Override
        public Failures update(String key, UnaryOperator<Failures> next) {
            calls.add("update");
            return real.update(key, next);
        }

        @Override
        public void remove(String key) {
            calls.add("remove");
            real.remove(key);
        }

        @Override
        public void purge(Instant windowStart, Instant now) {
            real.purge(windowStart, now);
        }
    }

    private final RecordingCounters counters = new RecordingCounters();
    private final LoginThrottle throttle = new LoginThrottle(
            3,
            Duration.ofMinutes(15),
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            Duration.ofMinutes(5),
            Duration.ofSeconds(1),
            Duration.ofSeconds(16),
            Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC),
            counters);

    @Test
    void aGoodLoginIsOneReadOfTheCountersAndNoWrite() {
        LoginThrottle.Admission admission = throttle.admit("10.0.0.1", "alice@default", "Basic a");
        throttle.recordSuccess(admission);
        assertThat(admission.refused()).isFalse();
        assertThat(admission.slowdown()).isZero();
        assertThat(counters.calls).containsExactly("getAll3");
    }

    @Test
    void aSuccessClearsOnlyTheLoginsCountersThatItsAdmissionFound() {
        throttle.recordFailure(
                throttle.admit("10.0.0.1", "bob@default", "Basic wrong").attempt());
        counters.calls.clear();
        LoginThrottle.Admission admission = throttle.admit("10.0.0.1", "bob@default", "Basic right");
        throttle.recordSuccess(admission);
        assertThat(counters.calls).containsExactly("getAll3", "remove", "remove");
        assertThat(counters.real.get("a:10.0.0.1"))
                .as("the address's failures stay")
                .isNotNull();
        assertThat(counters.real.get("l:bob@default")).isNull();
    }

    @Test
    void aLockedPairOrAddressIsRefusedUnaskedAndATokenReadsOnlyItsAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure(throttle.admit("10.0.0.2", "carol@default", "Basic guess-" + i)
                    .attempt());
        }
        assertThat(throttle.admit("10.0.0.2", "carol@default", "Basic right").refused())
                .isTrue();
        assertThat(throttle.admit("10.0.0.3", "carol@default", "Basic right").refused())
                .as("the same login from its owner's address")
                .isFalse();
        assertThat(throttle.admit("10.0.0.3", "carol@default", "Basic right").slowdown())
                .as("slowed down from every address")
                .isEqualTo(Duration.ofSeconds(1));
        counters.calls.clear();
        assertThat(throttle.admit("10.0.0.9", null, "Bearer t").refused()).isFalse();
        assertThat(counters.calls).containsExactly("getAll1");
    }
}
