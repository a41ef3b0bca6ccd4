package org.qvd.l7r.session.control;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** One node's failure counters, bounded to {@code maxEntries} keys. */
final class InMemoryFailureCounters implements FailureCounters {

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxEntries;

    InMemoryFailureCounters(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Override
    public Failures get(String key) {
        return failures.get(key);
    }

    @Override
    public Failures update(String key, UnaryOperator<Failures> next) {
        return failures.compute(key, (k, old) -> next.apply(old));
    }

    @Override
    public void remove(String key) {
        failures.remove(key);
    }

    @Override
    public void purge(Instant windowStart, Instant now) {
        failures.values()
                .removeIf(f -> f.firstAt().isBefore(windowStart)
                        && (f.lockedUntil() == null || !now.isBefore(f.lockedUntil())));
    }

    @Override
    public boolean isFull(String key) {
        return failures.size() >= maxEntries && !failures.containsKey(key);
    }
}
