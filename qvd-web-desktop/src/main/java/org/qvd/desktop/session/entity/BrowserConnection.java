package org.qvd.desktop.session.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qvd.l7r.session.entity.ConnectionId;
import org.qvd.l7r.session.entity.QvdUser;

/**
 * One browser's connect to one VM, from the click to the end of its WebSocket: the progress texts the page shows (the
 * same ones an NX client gets as {@code X-QVD-VM-Info}), then its single-use ticket, then how it ended.
 */
public final class BrowserConnection {

    public enum Phase {
        WORKING,
        READY,
        RELAYING,
        ENDED
    }

    private final ConnectionId id;
    private final QvdUser user;
    private final long vmId;
    private final String geometry;
    private final List<String> progress = new ArrayList<>();
    private Phase phase = Phase.WORKING;
    private String ticket;
    private Instant ticketExpires;
    private String endReason;
    private String takenOverBecause;

    public BrowserConnection(ConnectionId id, QvdUser user, long vmId, String geometry) {
        this.id = id;
        this.user = user;
        this.vmId = vmId;
        this.geometry = geometry;
    }

    public ConnectionId id() {
        return id;
    }

    public QvdUser user() {
        return user;
    }

    public long vmId() {
        return vmId;
    }

    public String geometry() {
        return geometry;
    }

    public synchronized void progress(String text) {
        progress.add(text);
    }

    public synchronized void ready(String newTicket, Instant expires) {
        if (phase == Phase.WORKING) {
            phase = Phase.READY;
            ticket = newTicket;
            ticketExpires = expires;
        }
    }

    /**
     * Takes the ticket: true once, for the right user, before it expires; the ticket is gone afterwards whatever the
     * answer, so a second use or a guess after a refusal finds nothing.
     */
    public synchronized boolean redeem(String presented, long userId, Instant now) {
        boolean valid = phase == Phase.READY
                && ticket != null
                && ticket.equals(presented)
                && user.id() == userId
                && now.isBefore(ticketExpires);
        ticket = null;
        if (valid) {
            phase = Phase.RELAYING;
        }
        return valid;
    }

    /** Another client took the VM over: whatever ends this connection next, that is the reason the page shows. */
    public synchronized void takenOver(String reason) {
        takenOverBecause = reason;
    }

    /** Ends it (once): false when it had already ended. */
    public synchronized boolean end(String reason) {
        if (phase == Phase.ENDED) {
            return false;
        }
        phase = Phase.ENDED;
        ticket = null;
        endReason = takenOverBecause != null ? takenOverBecause : reason;
        return true;
    }

    public synchronized Status status() {
        return new Status(
                id.id(),
                vmId,
                phase.name().toLowerCase(java.util.Locale.ROOT),
                List.copyOf(progress),
                phase == Phase.READY ? ticket : null,
                endReason);
    }

    /** What the page reads while it waits and after the end. */
    public record Status(String id, long vmId, String phase, List<String> progress, String ticket, String reason) {}
}
