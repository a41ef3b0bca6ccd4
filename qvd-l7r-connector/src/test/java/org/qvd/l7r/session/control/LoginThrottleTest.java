package org.qvd.l7r.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private int guess;
    private final LoginThrottle throttle = new LoginThrottle(
            3,
            Duration.ofMinutes(15),
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            Duration.ofMinutes(5),
            Duration.ofSeconds(1),
            Duration.ofSeconds(16),
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    /** A failure with a password not tried before. */
    private int fail(String address, String login) {
        return throttle.recordFailure(throttle.begin(address, login, "Basic guess-" + guess++));
    }

    @Test
    void locksALoginFromOneAddressOnlyAndReleasesItAfterTheLock() {
        fail("10.0.0.1", "alice@default");
        fail("10.0.0.1", "alice@default");
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isFalse();
        fail("10.0.0.1", "alice@default");
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isTrue();
        assertThat(throttle.isLocked("10.0.0.2", "alice@default"))
                .as("the user's own address")
                .isFalse();
        now = now.plusSeconds(31);
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isFalse();
    }

    @Test
    void aLoginFailingFromEverywhereIsSlowedDownNotLocked() {
        assertThat(throttle.slowdown("alice@default")).isZero();
        for (int i = 0; i < 3; i++) {
            fail("10.0.1." + i, "alice@default");
        }
        assertThat(throttle.slowdown("alice@default")).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            fail("10.0.2." + i, "alice@default");
        }
        assertThat(throttle.slowdown("alice@default")).isEqualTo(Duration.ofSeconds(16));
        assertThat(throttle.isLocked("10.0.0.99", "alice@default")).isFalse();
        throttle.recordSuccess("10.0.0.99", "alice@default");
        assertThat(throttle.slowdown("alice@default")).isZero();
    }

    @Test
    void eachFailureWhileLockedDoublesTheLock() {
        for (int i = 0; i < 3; i++) {
            fail("10.0.0.1", "alice@default");
        }
        now = now.plusSeconds(31);
        fail("10.0.0.1", "alice@default");
        now = now.plusSeconds(31);
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isTrue();
        now = now.plusSeconds(30);
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isFalse();
    }

    /** The Perl client sends one typed password five times (its retries): that is one failure. */
    @Test
    void theSameWrongCredentialsRepeatedCountOnce() {
        for (int i = 0; i < 5; i++) {
            LoginThrottle.Attempt retry = throttle.begin("10.0.0.1", "alice@default", "Basic YWxpY2U6d3Jvbmc=");
            assertThat(throttle.recordFailure(retry)).isEqualTo(i == 0 ? 1 : -1);
            now = now.plusMillis(1050);
        }
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isFalse();
        now = now.plus(Duration.ofMinutes(6));
        assertThat(throttle.recordFailure(throttle.begin("10.0.0.1", "alice@default", "Basic YWxpY2U6d3Jvbmc=")))
                .as("after the repeat window it counts again")
                .isEqualTo(2);
    }

    /** Eight attempts in flight together: the lock they reach is the first lock, not 2^5 times it. */
    @Test
    void attemptsInFlightWhenTheLockBeganDoNotLengthenIt() {
        LoginThrottle.Attempt[] parallel = new LoginThrottle.Attempt[8];
        for (int i = 0; i < parallel.length; i++) {
            parallel[i] = throttle.begin("10.0.0.1", "alice@default", "Basic guess-parallel-" + i);
        }
        now = now.plusSeconds(1);
        for (LoginThrottle.Attempt a : parallel) {
            throttle.recordFailure(a);
        }
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isTrue();
        now = now.plusSeconds(31);
        assertThat(throttle.isLocked("10.0.0.1", "alice@default"))
                .as("locked for 30 s only")
                .isFalse();
    }

    @Test
    void oneAddressGuessingManyLoginsIsLocked() {
        for (int i = 0; i < 12; i++) {
            fail("10.0.0.1", "user" + i + "@default");
        }
        assertThat(throttle.isLocked("10.0.0.1", "someone@default")).isTrue();
        assertThat(throttle.isLocked("10.0.0.2", "someone@default")).isFalse();
    }

    @Test
    void successClearsTheLoginButNotTheAddress() {
        fail("10.0.0.1", "alice@default");
        fail("10.0.0.1", "alice@default");
        throttle.recordSuccess("10.0.0.1", "alice@default");
        fail("10.0.0.1", "alice@default");
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isFalse();
    }

    @Test
    void purgeForgetsOldFailures() {
        fail("10.0.0.1", "alice@default");
        fail("10.0.0.1", "alice@default");
        now = now.plus(Duration.ofMinutes(16));
        throttle.purge();
        fail("10.0.0.1", "alice@default");
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isFalse();
    }
}
