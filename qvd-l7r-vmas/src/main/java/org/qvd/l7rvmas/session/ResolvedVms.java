package org.qvd.l7rvmas.session;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.qvd.vmas.vm.boundary.ConnectView;

/**
 * What the L7R's {@code resolveVm} read for a user's VM (VM, session parameters, VMA key: one transaction), handed
 * to the {@code takeOver} of the same user and VM that a {@code connect_to_vm} makes right after it, so that a connect
 * reads its VM once instead of twice. Taken at most once and only while fresh ({@code freshFor}, e.g. 2 s); entries
 * nobody takes (a {@code stop_vm} resolves too) are dropped once stale, and the map stays bounded.
 */
final class ResolvedVms {

    private static final int PURGE_ABOVE = 1_000;

    private record Entry(ConnectView view, long readAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long freshNanos;
    private final LongSupplier nanoClock;

    ResolvedVms(Duration freshFor, LongSupplier nanoClock) {
        this.freshNanos = freshFor.toNanos();
        this.nanoClock = nanoClock;
    }

    void remember(long userId, long vmId, ConnectView view) {
        long now = nanoClock.getAsLong();
        if (entries.size() >= PURGE_ABOVE) {
            entries.values().removeIf(e -> now - e.readAt() > freshNanos);
        }
        entries.put(userId + ":" + vmId, new Entry(view, now));
    }

    /** The view read for this user and VM moments ago, once; empty when there is none or it is stale. */
    Optional<ConnectView> take(long userId, long vmId) {
        Entry e = entries.remove(userId + ":" + vmId);
        return e == null || nanoClock.getAsLong() - e.readAt() > freshNanos ? Optional.empty() : Optional.of(e.view());
    }

    int size() {
        return entries.size();
    }
}
