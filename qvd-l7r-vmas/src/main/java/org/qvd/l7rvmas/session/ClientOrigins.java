package org.qvd.l7rvmas.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.l7r.session.entity.ConnectionId;
import org.qvd.vmas.platform.guard.RequestOrigin;

/**
 * Gives the audit the address of the client an L7R call is for (behind a balancer with the PROXY protocol: the
 * client's, not the balancer's): each endpoint call has its own request scope, whose {@link RequestOrigin} the
 * audit reads. A connection's address is remembered from its takeover to its {@code DISCONNECTED}, for the calls
 * that carry only the connection id.
 */
@ApplicationScoped
public class ClientOrigins {

    private static final Logger LOG = Logger.getLogger(ClientOrigins.class.getName());

    @Inject
    RequestOrigin origin;

    private final Map<ConnectionId, String> connections = new ConcurrentHashMap<>();

    /** This call is for a client at {@code address}. */
    void set(InetAddress address) {
        if (address != null) {
            set(address.getHostAddress());
        }
    }

    /** This call is for {@code connection}, whose address is remembered from now until it ends. */
    void set(ConnectionId connection, InetAddress address) {
        if (address != null) {
            connections.put(connection, address.getHostAddress());
            set(address.getHostAddress());
        }
    }

    /** This call is for {@code connection}; {@code ended}: forget its address after it. */
    void set(ConnectionId connection, boolean ended) {
        String address = ended ? connections.remove(connection) : connections.get(connection);
        if (address != null) {
            set(address);
        }
    }

    private void set(String address) {
        try {
            origin.sourceAddress(address);
        } catch (ContextNotActiveException e) {
            LOG.log(Level.FINE, "no request scope: the audit will not show the client's address", e);
        }
    }
}
