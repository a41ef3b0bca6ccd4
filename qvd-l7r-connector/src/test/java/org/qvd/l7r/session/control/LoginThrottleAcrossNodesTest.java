package org.qvd.l7r.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' throttles over one set of shared counters (here one node's memory store standing in for the VMAS's
 * table, whose statements {@code L7rLoginFailuresOnPostgresTest} checks on PostgreSQL): failures spread over the
 * nodes count together, per (login, address), per address and per login.
 */
class LoginThrottleAcrossNodesTest {

    private Instant now = Instant.parse("2026-12-06T04:00:00Z");
    private int guess;
    private final Clock clock = new Clock() {
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
    };
    private final FailureCounters shared = FailureCounters.inMemory(LoginThrottle.MAX_ENTRIES);
    private final LoginThrottle nodeA = node();
    private final LoginThrottle nodeB = node();

    private LoginThrottle node() {
        return new LoginThrottle(
                3,
                Duration.ofMinutes(15),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(16),
                clock,
                shared);
    }

    private int fail(LoginThrottle node, String address, String login) {
        return node.recordFailure(node.begin(address, login, "Basic guess-" + guess++));
    }

    @Test
    void failuresOfOneLoginFromOneAddressOnTwoNodesLockItOnBoth() {
        assertThat(fail(nodeA, "10.0.0.1", "alice@default")).isEqualTo(1);
        assertThat(fail(nodeB, "10.0.0.1", "alice@default")).isEqualTo(2);
        assertThat(nodeA.isLocked("10.0.0.1", "alice@default")).isFalse();
        fail(nodeA, "10.0.0.1", "alice@default");
        assertThat(nodeB.isLocked("10.0.0.1", "alice@default"))
                .as("locked on the other node too")
                .isTrue();
        assertThat(nodeA.isLocked("10.0.0.1", "alice@default")).isTrue();
        assertThat(nodeB.isLocked("10.0.0.2", "alice@default"))
                .as("not from the user's own address")
                .isFalse();
        now = now.plusSeconds(31);
        assertThat(nodeB.isLocked("10.0.0.1", "alice@default")).isFalse();
    }

    @Test
    void aLoginFailingFromEverywhereOnBothNodesIsSlowedDownOnBothAndASuccessAnywhereEndsIt() {
        fail(nodeA, "10.1.0.1", "bob@default");
        fail(nodeB, "10.1.0.2", "bob@default");
        assertThat(nodeA.slowdown("bob@default")).isZero();
        fail(nodeB, "10.1.0.3", "bob@default");
        assertThat(nodeA.slowdown("bob@default")).isEqualTo(Duration.ofSeconds(1));
        assertThat(nodeB.slowdown("bob@default")).isEqualTo(Duration.ofSeconds(1));
        nodeB.recordSuccess("10.1.0.9", "bob@default");
        assertThat(nodeA.slowdown("bob@default")).isZero();
    }

    @Test
    void oneAddressGuessingManyLoginsOverBothNodesIsLocked() {
        for (int i = 0; i < 12; i++) {
            fail(i % 2 == 0 ? nodeA : nodeB, "10.2.0.1", "user" + i + "@default");
        }
        assertThat(nodeA.isLocked("10.2.0.1", "someone@default")).isTrue();
        assertThat(nodeB.isLocked("10.2.0.1", null))
                .as("tokens from that address too")
                .isTrue();
    }
}
