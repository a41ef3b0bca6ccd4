package org.qvd.vmas.account.boundary;

import java.time.Instant;

/**
 * The answer to an administrator's password login: the principal ({@code name@tenant}) when it succeeded;
 * otherwise, when attempts from there are refused for a while, the instant they are accepted again, and whether the
 * password was right but the second factor's code missing, wrong or used ({@code secondFactorRefused}).
 */
public record AdminLogin(String principal, Instant retryAt, boolean secondFactorRefused) {

    public static AdminLogin ok(String principal) {
        return new AdminLogin(principal, null, false);
    }

    public static AdminLogin refused(Instant retryAt) {
        return new AdminLogin(null, retryAt, false);
    }

    /** The password was right, the TOTP code was not (counted as a failed login all the same). */
    public static AdminLogin secondFactorRefused(Instant retryAt) {
        return new AdminLogin(null, retryAt, true);
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
