package org.qvd.vmas.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    private final LoginThrottlePolicy policy =
            new LoginThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(900), Duration.ofSeconds(900));

    @Test
    void theFirstFailuresAreFreeThenTheDelayDoublesUpToItsCap() {
        assertThat(IntStream.rangeClosed(1, 17)
                        .mapToObj(policy::delayAfter)
                        .map(Duration::toSeconds)
                        .toList())
                .containsExactly(0L, 0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L);
        assertThat(policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void aTenantAdminIsCountedPerLoginButASuperadminOnlyPerLoginAndAddress() {
        assertThat(LoginThrottlePolicy.keys(Login.parse("boss@acme"), "10.0.0.7"))
                .containsExactly("source:10.0.0.7", "login:boss@acme");
        assertThat(LoginThrottlePolicy.keys(Login.parse("boss"), "10.0.0.7"))
                .containsExactly("source:10.0.0.7", "login:boss@default");
        assertThat(LoginThrottlePolicy.keys(Login.parse("superadmin@*"), "10.0.0.7"))
                .containsExactly("source:10.0.0.7", "login:superadmin@*|10.0.0.7");
    }

    @Test
    void keysStayBoundedWhateverTheLogin() {
        String huge = "x".repeat(5000) + "@acme";
        assertThat(LoginThrottlePolicy.keys(Login.parse(huge), null))
                .allSatisfy(k -> assertThat(k).hasSizeLessThanOrEqualTo(400))
                .first()
                .isEqualTo("source:unknown");
        assertThat(LoginThrottlePolicy.isLoginKey("login:a@b")).isTrue();
        assertThat(LoginThrottlePolicy.isLoginKey("source:1.2.3.4")).isFalse();
    }

    @Test
    void settingsOutOfRangeAreClampedNotTrusted() {
        LoginThrottlePolicy odd =
                new LoginThrottlePolicy(-3, Duration.ZERO, Duration.ofSeconds(-1), Duration.ofSeconds(-5));
        assertThat(odd.freeFailures()).isZero();
        assertThat(odd.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(odd.window()).isZero();
    }

    @Test
    void passwordsShorterThanThePolicyAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PasswordPolicy.check("123456789", 10))
                .hasMessageContaining("at least 10 characters");
        PasswordPolicy.check("1234567890", 10);
        PasswordPolicy.check("ñññññññññ😀", 10); // characters, not bytes nor UTF-16 units
    }
}
