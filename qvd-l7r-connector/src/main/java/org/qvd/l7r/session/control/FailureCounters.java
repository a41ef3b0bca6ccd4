package org.qvd.l7r.session.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the {@link LoginThrottle} keeps its failure counters: this node's memory ({@link #inMemory}), or a store
 * that every node of a cluster shares (the VMAS's database, through the L7R's endpoint), so that an attacker gains
 * nothing by spreading guesses over the nodes. Keys are the throttle's ({@code a:}, {@code l:}, {@code p:}
 * prefixes); a shared store may hash them.
 */
public interface FailureCounters {

    /** A key's failures within the window, and its lock. */
    record Failures(int count, Instant firstAt, Instant lockedAt, Instant lockedUntil) {}

    /** The key's counters, or null. */
    Failures get(String key);

    /** The counters of each of {@code keys} that has some, in one look (one round trip for a shared store). */
    default Map<String, Failures> getAll(List<String> keys) {
        Map<String, Failures> found = new HashMap<>();
        for (String key : keys) {
            Failures f = get(key);
            if (f != null) {
                found.put(key, f);
            }
        }
        return found;
    }

    /**
     * Replaces the key's counters by {@code next} applied to them (null when the key has none), atomically with
     * respect to every other update of the key on every node; answers the new counters.
     */
    Failures update(String key, UnaryOperator<Failures> next);

    void remove(String key);

    /** Forgets keys whose failures all began before {@code windowStart} and whose lock is over at {@code now}. */
    void purge(Instant windowStart, Instant now);

    /** True when this store cannot take a new key (a bounded memory); a shared store never is. */
    default boolean isFull(String key) {
        return false;
    }

    /** The bounded counters of one node (the default: one L7R alone, tests). */
    static FailureCounters inMemory(int maxEntries) {
        return new InMemoryFailureCounters(maxEntries);
    }
}
