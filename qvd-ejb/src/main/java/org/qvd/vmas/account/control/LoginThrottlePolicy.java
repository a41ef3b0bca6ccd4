package org.qvd.vmas.account.control;

import java.time.Duration;
import java.util.List;

/**
 * How failed administrator logins slow further attempts down. Failures are counted per key within
 * {@code window} (a quiet window resets the count); after {@code freeFailures} of them each further failure
 * refuses every attempt on that key for a delay that doubles from {@code baseDelay} up to {@code maxDelay}.
 * Keys: the source address (whatever login it tries), and the login — except for superadmins (tenant
 * {@code *}), whose login is counted per source address only, so that nobody can lock the superadmin out
 * from the network: from another address it always gets its attempt.
 */
public record LoginThrottlePolicy(int freeFailures, Duration baseDelay, Duration maxDelay, Duration window) {

    static final int MAX_KEY = 400;

    /** Out-of-range settings are clamped rather than refused: a typo in the configuration must not open logins. */
    public LoginThrottlePolicy {
        freeFailures = Math.max(0, freeFailures);
        baseDelay = baseDelay.isNegative() || baseDelay.isZero() ? Duration.ofSeconds(1) : baseDelay;
        maxDelay = maxDelay.compareTo(baseDelay) < 0 ? baseDelay : maxDelay;
        window = window.isNegative() ? Duration.ZERO : window;
    }

    /** Delay imposed after the {@code failures}-th failure within the window (zero while failures are free). */
    public Duration delayAfter(int failures) {
        int over = failures - freeFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        if (over > 40) {
            return maxDelay;
        }
        long millis = baseDelay.toMillis() << (over - 1);
        return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }

    /** The throttle keys of an attempt: source first, then the login's own. */
    public static List<String> keys(Login login, String source) {
        String address = source == null || source.isBlank() ? "unknown" : source;
        String principal = login.name() + "@" + login.tenant();
        String loginKey = "*".equals(login.tenant()) ? "login:" + principal + "|" + address : "login:" + principal;
        return List.of(cut("source:" + address), cut(loginKey));
    }

    /** Whether the key counts one login (cleared by its successful login) rather than a whole address. */
    public static boolean isLoginKey(String key) {
        return key.startsWith("login:");
    }

    private static String cut(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
    }
}
