package org.qvd.session.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins of one login (or {@code maxFailures * 4}
 * from one source address, which NAT may share) within {@code window}, further attempts are refused without asking
 * the VMAS for a lock time that doubles with each further failure (capped). Memory is bounded: stale entries are
 * purged, and above {@code maxEntries} new keys are not tracked per login (the address key still is).
 */
public final class LoginThrottle {

    private static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant firstAt, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration baseLock;
    private final Duration maxLock;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Duration baseLock, Duration maxLock, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.baseLock = baseLock;
        this.maxLock = maxLock;
        this.clock = clock;
    }

    /** True when an attempt by this login (may be null for tokens) from this address must be refused unasked. */
    public boolean isLocked(String sourceAddress, String login) {
        Instant now = clock.instant();
        return locked(addressKey(sourceAddress), now) || (login != null && locked(loginKey(login), now));
    }

    /** Counts a failure; returns the login's failure count within the window. */
    public int recordFailure(String sourceAddress, String login) {
        count(addressKey(sourceAddress), maxFailures * 4);
        return login == null ? 0 : count(loginKey(login), maxFailures);
    }

    /** A success clears the login's failures (not the address's: one valid account must not reset a guesser). */
    public void recordSuccess(String login) {
        if (login != null) {
            failures.remove(loginKey(login));
        }
    }

    /** Drops entries whose window and lock are over; the listener calls this periodically. */
    public void purge() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> isStale(e.getValue(), now));
    }

    private boolean locked(String key, Instant now) {
        Failures f = failures.get(key);
        return f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil());
    }

    private int count(String key, int threshold) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ENTRIES && !failures.containsKey(key)) {
            purge();
            if (failures.size() >= MAX_ENTRIES && key.startsWith("l:")) {
                return threshold;
            }
        }
        Failures updated = failures.compute(key, (k, old) -> next(old, now, threshold));
        return updated.count();
    }

    private Failures next(Failures old, Instant now, int threshold) {
        if (old == null || isStale(old, now)) {
            return lockIfNeeded(1, now, now, threshold);
        }
        return lockIfNeeded(old.count() + 1, old.firstAt(), now, threshold);
    }

    private Failures lockIfNeeded(int count, Instant firstAt, Instant now, int threshold) {
        if (count < threshold) {
            return new Failures(count, firstAt, null);
        }
        int doublings = Math.min(count - threshold, 20);
        Duration lock = baseLock.multipliedBy(1L << doublings);
        if (lock.compareTo(maxLock) > 0) {
            lock = maxLock;
        }
        return new Failures(count, firstAt, now.plus(lock));
    }

    private boolean isStale(Failures f, Instant now) {
        boolean windowOver = now.isAfter(f.firstAt().plus(window));
        boolean lockOver = f.lockedUntil() == null || !now.isBefore(f.lockedUntil());
        return windowOver && lockOver;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static String loginKey(String login) {
        return "l:" + login;
    }
}
