package org.qvd.l7rvmas.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.qvd.l7r.session.control.FailureCounters;
import org.qvd.l7r.session.control.FailureCounters.Failures;
import org.qvd.vmas.session.throttle.L7rLoginFailures;
import org.qvd.vmas.session.throttle.L7rLoginFailures.Counters;

/**
 * The L7R login throttle's counters in the VMAS's database ({@link L7rLoginFailures}), so that the nodes of a
 * cluster count failures together. Each call is one transaction of the EJB.
 */
@ApplicationScoped
public class SharedLoginFailures implements FailureCounters {

    @EJB
    L7rLoginFailures store;

    @Override
    public Failures get(String key) {
        return failures(store.find(key));
    }

    @Override
    public Map<String, Failures> getAll(List<String> keys) {
        Map<String, Failures> found = new HashMap<>();
        store.findAll(keys).forEach((key, counters) -> found.put(key, failures(counters)));
        return found;
    }

    @Override
    public Failures update(String key, UnaryOperator<Failures> next) {
        return failures(store.update(key, old -> counters(next.apply(failures(old)))));
    }

    @Override
    public void remove(String key) {
        store.clear(key);
    }

    @Override
    public void purge(Instant windowStart, Instant now) {
        store.purge(windowStart, now);
    }

    private static Failures failures(Counters c) {
        return c == null ? null : new Failures(c.failures(), c.firstAt(), c.lockedAt(), c.lockedUntil());
    }

    private static Counters counters(Failures f) {
        return new Counters(f.count(), f.firstAt(), f.lockedAt(), f.lockedUntil());
    }
}
