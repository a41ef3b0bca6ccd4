package org.qvd.l7rvmas.session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Futures waiting for a notice about one VM. A waiter is registered before the action whose outcome it waits for,
 * so a notice cannot slip between the action and the registration; it leaves the map when it completes or is
 * cancelled (the connector cancels on its timeout), so nothing leaks.
 */
final class VmWaiters {

    private record Waiter(Predicate<Notice> until, CompletableFuture<Notice> future) {}

    private final Map<Long, Set<Waiter>> byVm = new ConcurrentHashMap<>();

    /** A future completed with the first notice about {@code vmId} that matches {@code until}. */
    CompletableFuture<Notice> await(long vmId, Predicate<Notice> until) {
        Waiter waiter = new Waiter(until, new CompletableFuture<>());
        byVm.computeIfAbsent(vmId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        waiter.future()
                .whenComplete((n, e) -> byVm.computeIfPresent(vmId, (id, set) -> {
                    set.remove(waiter);
                    return set.isEmpty() ? null : set;
                }));
        return waiter.future();
    }

    /** Completes every waiter of the notice's VM that it matches. */
    void deliver(Notice notice) {
        Set<Waiter> waiting = byVm.get(notice.vmId());
        if (waiting == null) {
            return;
        }
        for (Waiter w : waiting.toArray(Waiter[]::new)) {
            if (w.until().test(notice)) {
                w.future().complete(notice);
            }
        }
    }

    /** How many waiters are registered (for tests and diagnostics). */
    int size() {
        return byVm.values().stream().mapToInt(Set::size).sum();
    }
}
