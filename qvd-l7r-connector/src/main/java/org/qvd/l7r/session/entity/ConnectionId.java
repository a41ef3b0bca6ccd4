package org.qvd.l7r.session.entity;

import java.util.UUID;

/** Identifies one client connection to one VM cluster-wide: the L7R node's name plus a random part. */
public record ConnectionId(String node, String id) {

    public static ConnectionId newOn(String node) {
        return new ConnectionId(node, UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return node + "/" + id;
    }
}
