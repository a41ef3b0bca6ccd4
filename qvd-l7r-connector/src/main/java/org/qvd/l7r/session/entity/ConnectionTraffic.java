package org.qvd.l7r.session.entity;

import java.time.Instant;

/** What went through a tunnel: {@code connectedAt} is null when it never reached {@code connected}. */
public record ConnectionTraffic(Instant connectedAt, long bytesFromClient, long bytesToClient) {

    public static final ConnectionTraffic NONE = new ConnectionTraffic(null, 0, 0);
}
