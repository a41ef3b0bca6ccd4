package org.qvd.l7r.session.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.qvd.l7r.session.control.FailureCounters.Failures;

/**
 * Slows down password guessing without letting a stranger lock a user out:
 * <ul>
 * <li>after {@code maxFailures} failures of one login <em>from one address</em> within {@code window}, that pair is
 * locked (refused without asking the VMAS) for {@code baseLock}, doubling with each further failure up to
 * {@code maxLock}; the same login from another address is not locked;</li>
 * <li>one address failing {@code maxFailures * 4} times (any logins; NAT may share it) is locked the same way;</li>
 * <li>a login failing {@code maxFailures} times from anywhere is <em>slowed down</em>: each further attempt waits
 * {@link #slowdown} (doubling, capped) before its password is checked, from every address — but is still checked;</li>
 * <li>the same wrong credentials again within {@code repeatWindow} count once (a client's automatic retries), and a
 * failure of an attempt that began before its pair was locked (parallel attempts in flight) does not lengthen the
 * lock.</li>
 * </ul>
 * Credentials are remembered only as an HMAC under a key drawn at start, never in clear. The counters live in a
 * {@link FailureCounters} store: this node's bounded memory by default (stale entries are purged, and above
 * {@code MAX_ENTRIES} new logins are treated as throttled), or a store shared by every node of a cluster. The
 * memory of repeated credentials stays per node (a client's automatic retries reach the node it is connected to).
 * With a shared store, call the throttle off I/O threads: each call may be a database round trip.
 */
public final class LoginThrottle {

    /** The bound of one node's memory of failures (keys) and of repeated credentials. */
    public static final int MAX_ENTRIES = 100_000;

    /** One attempt: who, from where, when it began, and a keyed digest of the credentials it presented. */
    public record Attempt(String source, String login, Instant startedAt, String credentialDigest) {}

    /**
     * What {@link #admit} found: {@code attempt} null when the attempt is refused unasked (locked), else the attempt,
     * how long to wait before its check, and the login's counters that a success must clear (usually none).
     */
    public record Admission(Attempt attempt, Duration slowdown, List<String> clearedOnSuccess) {
        public boolean refused() {
            return attempt == null;
        }
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration baseLock;
    private final Duration maxLock;
    private final Duration repeatWindow;
    private final Duration baseSlowdown;
    private final Duration maxSlowdown;
    private final Clock clock;
    private final FailureCounters failures;
    private final Map<String, Instant> recentlyFailed = new ConcurrentHashMap<>();
    private final byte[] digestKey = new byte[32];

    public LoginThrottle(int maxFailures, Duration window, Duration baseLock, Duration maxLock, Clock clock) {
        this(
                maxFailures,
                window,
                baseLock,
                maxLock,
                Duration.ofMinutes(5),
                Duration.ofSeconds(1),
                Duration.ofSeconds(16),
                clock);
    }

    public LoginThrottle(
            int maxFailures,
            Duration window,
            Duration baseLock,
            Duration maxLock,
            Duration repeatWindow,
            Duration baseSlowdown,
            Duration maxSlowdown,
            Clock clock) {
        this(
                maxFailures,
                window,
                baseLock,
                maxLock,
                repeatWindow,
                baseSlowdown,
                maxSlowdown,
                clock,
                FailureCounters.inMemory(MAX_ENTRIES));
    }

    /** The same with the counters in {@code failures} (e.g. shared by the nodes of a cluster). */
    public LoginThrottle(
            int maxFailures,
            Duration window,
            Duration baseLock,
            Duration maxLock,
            Duration repeatWindow,
            Duration baseSlowdown,
            Duration maxSlowdown,
            Clock clock,
            FailureCounters failures) {
        this.failures = failures;
        this.maxFailures = maxFailures;
        this.window = window;
        this.baseLock = baseLock;
        this.maxLock = maxLock;
        this.repeatWindow = repeatWindow;
        this.baseSlowdown = baseSlowdown;
        this.maxSlowdown = maxSlowdown;
        this.clock = clock;
        new SecureRandom().nextBytes(digestKey);
    }

    /** Starts an attempt; {@code login} is null for a token, {@code credentials} the raw Authorization value. */
    public Attempt begin(String sourceAddress, String login, String credentials) {
        return new Attempt(sourceAddress, login, clock.instant(), digest(credentials));
    }

    /**
     * Starts an attempt with everything it needs from the counters in ONE read of them (with a shared store: one
     * database round trip per login instead of five): refused unasked when its address or its login from that address
     * is locked, else its slow-down and the counters of its login that a success must clear — most logins have none,
     * so that a success then writes nothing. {@code login} is null for a token, {@code credentials} the raw
     * Authorization value.
     */
    public Admission admit(String sourceAddress, String login, String credentials) {
        Instant now = clock.instant();
        String address = addressKey(sourceAddress);
        List<String> keys =
                login == null ? List.of(address) : List.of(address, pairKey(login, sourceAddress), loginKey(login));
        Map<String, Failures> found = failures.getAll(keys);
        if (locked(found.get(address), now) || (login != null && locked(found.get(keys.get(1)), now))) {
            return new Admission(null, Duration.ZERO, List.of());
        }
        List<String> clear =
                keys.subList(1, keys.size()).stream().filter(found::containsKey).toList();
        Duration slowdown = login == null ? Duration.ZERO : slowdownOf(found.get(keys.get(2)), now);
        return new Admission(new Attempt(sourceAddress, login, now, digest(credentials)), slowdown, clear);
    }

    /** A success of an admitted attempt: clears the login's counters that its admission found (none: no write). */
    public void recordSuccess(Admission admission) {
        admission.clearedOnSuccess().forEach(failures::remove);
    }

    /** True when an attempt by this login (null for tokens) from this address must be refused unasked. */
    public boolean isLocked(String sourceAddress, String login) {
        Instant now = clock.instant();
        return locked(failures.get(addressKey(sourceAddress)), now)
                || (login != null && locked(failures.get(pairKey(login, sourceAddress)), now));
    }

    /** How long to wait before checking this login's password (zero unless it failed often from anywhere). */
    public Duration slowdown(String login) {
        if (login == null) {
            return Duration.ZERO;
        }
        return slowdownOf(failures.get(loginKey(login)), clock.instant());
    }

    private Duration slowdownOf(Failures f, Instant now) {
        if (f == null || isStale(f, now) || f.count() < maxFailures) {
            return Duration.ZERO;
        }
        Duration delay = baseSlowdown.multipliedBy(1L << Math.min(f.count() - maxFailures, 20));
        return delay.compareTo(maxSlowdown) > 0 ? maxSlowdown : delay;
    }

    /**
     * Counts a failed attempt; returns the failures of its login from its address within the window (0 for a token),
     * or -1 when it did not count (the same credentials failed moments ago).
     */
    public int recordFailure(Attempt attempt) {
        Instant now = clock.instant();
        if (recentlyFailed.size() >= MAX_ENTRIES) {
            purge(); // a flood of distinct guesses: beyond the bound, each counts (the safe side)
        }
        Instant before = recentlyFailed.size() < MAX_ENTRIES || recentlyFailed.containsKey(attempt.credentialDigest())
                ? recentlyFailed.put(attempt.credentialDigest(), now)
                : null;
        if (before != null && !now.isAfter(before.plus(repeatWindow))) {
            return -1;
        }
        count(addressKey(attempt.source()), maxFailures * 4, attempt.startedAt());
        if (attempt.login() == null) {
            return 0;
        }
        count(loginKey(attempt.login()), Integer.MAX_VALUE, attempt.startedAt());
        return count(pairKey(attempt.login(), attempt.source()), maxFailures, attempt.startedAt());
    }

    /** A success clears the login's failures from that address and its slow-down (not the address's failures). */
    public void recordSuccess(String sourceAddress, String login) {
        if (login != null) {
            failures.remove(pairKey(login, sourceAddress));
            failures.remove(loginKey(login));
        }
    }

    /** Drops entries whose window and lock are over; the listener calls this periodically. */
    public void purge() {
        Instant now = clock.instant();
        failures.purge(now.minus(window), now);
        recentlyFailed.entrySet().removeIf(e -> now.isAfter(e.getValue().plus(repeatWindow)));
    }

    private static boolean locked(Failures f, Instant now) {
        return f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil());
    }

    private int count(String key, int threshold, Instant attemptStarted) {
        Instant now = clock.instant();
        if (failures.isFull(key)) {
            purge();
            if (failures.isFull(key) && !key.startsWith("a:")) {
                return threshold;
            }
        }
        return failures.update(key, old -> next(old, now, threshold, attemptStarted))
                .count();
    }

    private Failures next(Failures old, Instant now, int threshold, Instant attemptStarted) {
        if (old == null || isStale(old, now)) {
            return lockIfNeeded(1, now, now, threshold);
        }
        if (old.lockedAt() != null && attemptStarted.isBefore(old.lockedAt())) {
            return old; // it was already in flight when the lock began: parallel attempts do not lengthen it
        }
        return lockIfNeeded(old.count() + 1, old.firstAt(), now, threshold);
    }

    private Failures lockIfNeeded(int count, Instant firstAt, Instant now, int threshold) {
        if (count < threshold) {
            return new Failures(count, firstAt, null, null);
        }
        int doublings = Math.min(count - threshold, 20);
        Duration lock = baseLock.multipliedBy(1L << doublings);
        if (lock.compareTo(maxLock) > 0) {
            lock = maxLock;
        }
        return new Failures(count, firstAt, now, now.plus(lock));
    }

    private boolean isStale(Failures f, Instant now) {
        boolean windowOver = now.isAfter(f.firstAt().plus(window));
        boolean lockOver = f.lockedUntil() == null || !now.isBefore(f.lockedUntil());
        return windowOver && lockOver;
    }

    private String digest(String credentials) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(digestKey, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal(String.valueOf(credentials).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static String loginKey(String login) {
        return "l:" + login;
    }

    private static String pairKey(String login, String address) {
        return "p:" + login + "\u0000" + address;
    }
}
