package org.qvd.vmas.account.boundary;

import java.time.Instant;

/**
 * The answer to an administrator's password login: the principal ({@code name@tenant}) when it succeeded;
 * otherwise, when attempts from there are refused for a while, the instant they are accepted again.
 */
public record AdminLogin(String principal, Instant retryAt) {

    public static AdminLogin ok(String principal) {
        return new AdminLogin(principal, null);
    }

    public static AdminLogin refused(Instant retryAt) {
        return new AdminLogin(null, retryAt);
    }

    public boolean succeeded() {
        return principal != null;
    }

    /** Refused without even checking the password: too many failures from this source or on this login. */
    public boolean throttled() {
        return principal == null && retryAt != null;
    }

    /** Whole seconds until an attempt is accepted again (at least 1 while throttled). */
    public long retryAfterSeconds(Instant now) {
        return retryAt == null ? 0 : Math.max(1, (retryAt.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
    }
}
