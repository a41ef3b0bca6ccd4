package org.qvd.l7r.session.entity;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One {@code connect_to_vm} in progress: who, which VM, from where, through which connection, and the client's
 * {@code qvd.client.*} / {@code custom.*} parameters (without {@code id}), in the order received.
 */
public record SessionRequest(
        ConnectionId connection,
        QvdUser user,
        VmRef vm,
        InetSocketAddress clientAddress,
        Map<String, String> clientParameters) {

    public SessionRequest {
        clientParameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(clientParameters));
    }
}
