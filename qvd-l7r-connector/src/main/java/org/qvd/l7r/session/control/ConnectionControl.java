package org.qvd.l7r.session.control;

/**
 * Handed by the connector to {@link SessionBackend#takeOver}: lets the VMAS abort this connection when another
 * client takes the VM over, typically on a cluster-wide notice ({@code qvd.notices}) naming this connection id.
 * Thread-safe, idempotent, never blocks; after it the connector reports
 * {@link org.qvd.l7r.session.entity.ConnectionState#DISCONNECTED} for the connection.
 */
@FunctionalInterface
public interface ConnectionControl {

    void abort(String reason);
}
