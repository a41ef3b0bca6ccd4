package org.qvd.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), Duration.ofSeconds(30),
            Duration.ofHours(1), new Clock() {
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

    @Test
    void locksALoginAfterTheThresholdAndReleasesItAfterTheLock() {
        for (int i = 0; i < 2; i++) {
            throttle.recordFailure("10.0.0.1", "alice@default");
        }
        assertThat(throttle.isLocked("10.0.0.2", "alice@default")).isFalse();
        throttle.recordFailure("10.0.0.1", "alice@default");
        assertThat(throttle.isLocked("10.0.0.2", "alice@default")).as("from any address").isTrue();
        now = now.plusSeconds(31);
        assertThat(throttle.isLocked("10.0.0.2", "alice@default")).isFalse();
    }

    @Test
    void eachFailureWhileThrottledDoublesTheLock() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("10.0.0.1", "alice@default");
        }
        now = now.plusSeconds(31);
        assertThat(throttle.isLocked("10.0.0.9", "alice@default")).isTrue();
        now = now.plusSeconds(30);
        assertThat(throttle.isLocked("10.0.0.9", "alice@default")).isFalse();
    }

    @Test
    void oneAddressGuessingManyLoginsIsLocked() {
        for (int i = 0; i < 12; i++) {
            throttle.recordFailure("10.0.0.1", "user" + i + "@default");
        }
        assertThat(throttle.isLocked("10.0.0.1", "someone@default")).isTrue();
        assertThat(throttle.isLocked("10.0.0.2", "someone@default")).isFalse();
    }

    @Test
    void successClearsTheLoginButNotTheAddress() {
        for (int i = 0; i < 2; i++) {
            throttle.recordFailure("10.0.0.1", "alice@default");
        }
        throttle.recordSuccess("alice@default");
        throttle.recordFailure("10.0.0.1", "alice@default");
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isFalse();
    }

    @Test
    void purgeForgetsOldFailures() {
        throttle.recordFailure("10.0.0.1", "alice@default");
        throttle.recordFailure("10.0.0.1", "alice@default");
        now = now.plus(Duration.ofMinutes(16));
        throttle.purge();
        throttle.recordFailure("10.0.0.1", "alice@default");
        assertThat(throttle.isLocked("10.0.0.1", "alice@default")).isFalse();
    }
}
