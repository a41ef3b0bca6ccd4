package org.qvd.vmas.watch.boundary;

import java.time.Instant;

/**
 * A View/Assist ticket as the WAT hands it to the administrator's browser: {@code id} and {@code secret} go in the
 * relay's WebSocket URL; the secret is shown once and never stored.
 */
public record WatchTicketDto(long ticketId, String secret, long vmId, String vmName, String mode, Instant expiresAt) {

    @Override
    public String toString() {
        return "WatchTicketDto[ticketId=" + ticketId + ", vmId=" + vmId + ", mode=" + mode + "]";
    }
}
