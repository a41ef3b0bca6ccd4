package org.qvd.vmas.vm.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A VM's last client connection as the L7R accounts it: when its tunnel opened and closed, on which L7R node, and
 * the bytes relayed each way. Open (no {@code disconnectedAt}) while the tunnel is up; the bytes stay unknown when
 * the node holding the tunnel died and another took the VM over.
 */
@Embeddable
public class LastConnection {

    @Column(name = "last_connected_at")
    private Instant connectedAt;

    @Column(name = "last_disconnected_at")
    private Instant disconnectedAt;

    @Column(name = "last_bytes_from_client")
    private Long bytesFromClient;

    @Column(name = "last_bytes_to_client")
    private Long bytesToClient;

    @Column(name = "last_connection_node", length = 255)
    private String node;

    protected LastConnection() {}

    private LastConnection(Instant connectedAt, Instant disconnectedAt, Long fromClient, Long toClient, String node) {
        this.connectedAt = connectedAt;
        this.disconnectedAt = disconnectedAt;
        this.bytesFromClient = fromClient;
        this.bytesToClient = toClient;
        this.node = node;
    }

    /** A tunnel that has just opened. */
    public static LastConnection opened(Instant at, String node) {
        return new LastConnection(at, null, null, null, node);
    }

    /** A tunnel that has closed, with what it relayed. */
    public static LastConnection closed(
            Instant connectedAt, Instant disconnectedAt, long fromClient, long toClient, String node) {
        if (disconnectedAt.isBefore(connectedAt)) {
            throw new IllegalArgumentException("a connection cannot close before it opens");
        }
        if (fromClient < 0 || toClient < 0) {
            throw new IllegalArgumentException("byte counts cannot be negative");
        }
        return new LastConnection(connectedAt, disconnectedAt, fromClient, toClient, node);
    }

    /** This connection, closed at {@code at} by a takeover from its dead node: its byte counts are lost. */
    public LastConnection abandoned(Instant at) {
        return isOpen() ? new LastConnection(connectedAt, at, null, null, node) : this;
    }

    public boolean isOpen() {
        return connectedAt != null && disconnectedAt == null;
    }

    public Instant getConnectedAt() {
        return connectedAt;
    }

    public Instant getDisconnectedAt() {
        return disconnectedAt;
    }

    public Long getBytesFromClient() {
        return bytesFromClient;
    }

    public Long getBytesToClient() {
        return bytesToClient;
    }

    public String getNode() {
        return node;
    }
}
