package org.qvd.l7rvmas.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qvd.l7r.session.control.ConnectionControl;
import org.qvd.l7r.session.entity.ConnectionId;

/**
 * This node's client connections that hold a VM, with the connector's {@link ConnectionControl} of each. Also
 * remembers, for a while, connections that already ended: a {@code DISCONNECTED} can arrive before a takeover's
 * last step (the stage was cancelled), and that step must then not record the ended connection as the holder.
 */
final class ConnectionHolders {

    /** One held connection; {@code aborted} once another client took the VM. */
    record Holder(ConnectionId id, long vmId, ConnectionControl control, boolean aborted) {}

    private static final Duration REMEMBER_ENDED = Duration.ofMinutes(10);
    private final Map<ConnectionId, Holder> held = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Instant> ended = new ConcurrentHashMap<>();

    /** Records {@code id} as holding {@code vmId}; false if the connection has already ended. */
    boolean hold(ConnectionId id, long vmId, ConnectionControl control) {
        if (ended.containsKey(id)) {
            return false;
        }
        held.put(id, new Holder(id, vmId, control, false));
        if (ended.containsKey(id)) { // ended while we registered it
            held.remove(id);
            return false;
        }
        return true;
    }

    boolean hasEnded(ConnectionId id) {
        return ended.containsKey(id);
    }

    /** What {@code id} holds, if it holds a VM and has not been aborted. */
    Optional<Holder> active(ConnectionId id) {
        Holder h = held.get(id);
        return h == null || h.aborted() ? Optional.empty() : Optional.of(h);
    }

    /** Aborts this node's connections to {@code vmId} other than {@code keep}; returns how many. */
    int abortOthers(long vmId, String keep, String reason) {
        List<Holder> victims = held.values().stream()
                .filter(h -> h.vmId() == vmId && !h.id().toString().equals(keep) && !h.aborted())
                .toList();
        for (Holder h : victims) {
            held.computeIfPresent(h.id(), (id, cur) -> new Holder(id, cur.vmId(), cur.control(), true));
            h.control().abort(reason);
        }
        return victims.size();
    }

    /** The connection ended: forgets it and returns what it held, if anything. */
    Optional<Holder> release(ConnectionId id, Instant now) {
        ended.values().removeIf(at -> at.isBefore(now.minus(REMEMBER_ENDED)));
        ended.put(id, now);
        return Optional.ofNullable(held.remove(id));
    }

    int size() {
        return held.size();
    }
}
