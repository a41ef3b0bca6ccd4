package org.qvd.desktop.session.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.desktop.session.control.BrowserConnections;
import org.qvd.desktop.session.control.VncStarter;
import org.qvd.desktop.session.control.VncTunnel;
import org.qvd.desktop.session.entity.BrowserConnection;
import org.qvd.l7r.session.entity.ConnectionTraffic;
import org.qvd.l7r.session.entity.QvdUser;

/**
 * {@code wss://<server>/desktop/vnc?c=<connection>&t=<ticket>}: the browser's VNC bytes, relayed by this node to the
 * VNC server in the VM (the browser never reaches the VM network). The ticket is single-use, short-lived and bound
 * to the user of the page's session and to the VM; anything else is closed with 1008 before a byte reaches a VM.
 */
@ServerEndpoint(
        value = "/vnc",
        configurator = HttpSessionConfigurator.class,
        subprotocols = {"binary"})
public class VncRelayEndpoint {
    private static final Logger LOG = Logger.getLogger(VncRelayEndpoint.class.getName());
    static final int TAKEN_OVER = 4001;

    @Inject
    BrowserConnections connections;

    @Inject
    VncStarter vnc;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService timer;

    private BrowserConnection connection;
    private final VncRelay relay = new VncRelay();

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        String id = Relays.single(session, "c");
        Object user = id == null ? null : config.getUserProperties().remove(HttpSessionConfigurator.userKey(id));
        BrowserConnection found = connections.find(id).orElse(null);
        String ticket = Relays.single(session, "t");
        if (!(user instanceof QvdUser qvdUser)
                || found == null
                || ticket == null
                || !found.redeem(ticket, qvdUser.id(), Instant.now())) {
            LOG.warning(() -> "refused a desktop WebSocket: unknown, used, expired or foreign ticket (connection "
                    + LogSafe.of(id) + ")");
            Relays.refuse(session);
            return;
        }
        connection = found;
        relay.start(timer, session, () -> browserGone(session));
        executor.execute(() -> attach(session));
    }

    /** The browser stopped answering (gone without a FIN): the session is freed now, whatever the socket does. */
    private void browserGone(Session session) {
        VncTunnel current = relay.end();
        connections.finish(
                connection,
                "the browser stopped answering",
                current == null ? ConnectionTraffic.NONE : current.traffic());
        executor.execute(() ->
                Relays.close(session, CloseReason.CloseCodes.GOING_AWAY.getCode(), "the browser stopped answering"));
    }

    /** Off the I/O thread: the agent starts its viewer (about a second), then bytes flow both ways. */
    private void attach(Session session) {
        try {
            VncTunnel opened =
                    VncTunnel.open(vnc.start(connection.vmId(), "desktop", connection.geometry(), null), session);
            relay.attach(opened);
            connections.relayOpened(
                    connection,
                    opened.openedAt(),
                    () -> Relays.close(session, TAKEN_OVER, "taken over by another client"));
            executor.execute(() -> VncRelay.pump(opened, session));
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.INFO, "browser connection " + connection.id() + " could not reach the desktop", e);
            connections.finish(connection, "could not reach the desktop: " + e.getMessage(), ConnectionTraffic.NONE);
            Relays.close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(), "could not reach the desktop");
        }
    }

    @OnMessage
    public void message(Session session, ByteBuffer bytes) throws IOException {
        relay.fromBrowser(bytes);
    }

    @OnMessage
    public void pong(PongMessage pong) {
        relay.heard();
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        VncTunnel current = relay.end();
        if (connection != null) {
            connections.finish(
                    connection,
                    current == null ? "closed before the desktop was reached" : "the browser left",
                    current == null ? ConnectionTraffic.NONE : current.traffic());
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "desktop WebSocket error", error);
    }
}
