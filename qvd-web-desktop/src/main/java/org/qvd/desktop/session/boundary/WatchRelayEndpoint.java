package org.qvd.desktop.session.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.desktop.session.control.VncStarter;
import org.qvd.desktop.session.control.VncTunnel;
import org.qvd.vmas.watch.boundary.VmWatchService;

/**
 * {@code wss://<server>/desktop/watch?k=<ticket id>&t=<secret>}: an administrator's View or Assist of a running
 * desktop, opened from the WAT's VM page. The WAT issued the ticket under {@code vm.spy}/{@code vm.assist}; here it
 * is redeemed once (any node: the tickets live in the database) and this node asks the VM's agent for a view in the
 * ticket's mode: in {@code view} the VNC server itself drops the administrator's keys and pointer.
 */
@ServerEndpoint(
        value = "/watch",
        subprotocols = {"binary"})
public class WatchRelayEndpoint {
    private static final Logger LOG = Logger.getLogger(WatchRelayEndpoint.class.getName());

    @EJB
    VmWatchService watch;

    @Inject
    VncStarter vnc;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService timer;

    private final VncRelay relay = new VncRelay();
    private final AtomicBoolean ended = new AtomicBoolean();
    private VmWatchService.Grant grant;

    @OnOpen
    public void open(Session session) {
        String id = Relays.single(session, "k");
        String secret = Relays.single(session, "t");
        Optional<VmWatchService.Grant> redeemed =
                id == null || !id.matches("[0-9]{1,18}") ? Optional.empty() : watch.redeem(Long.parseLong(id), secret);
        if (redeemed.isEmpty()) {
            LOG.warning(
                    () -> "refused a View/Assist WebSocket: unknown, used, expired or forged ticket " + LogSafe.of(id));
            Relays.refuse(session);
            return;
        }
        grant = redeemed.get();
        relay.start(timer, session, () -> {
            end(); // the view ends on the user's screen (its notice goes) even if the socket never closes
            executor.execute(() -> Relays.close(
                    session, CloseReason.CloseCodes.GOING_AWAY.getCode(), "the browser stopped answering"));
        });
        executor.execute(() -> attach(session));
    }

    private void attach(Session session) {
        try {
            VncTunnel opened = VncTunnel.open(vnc.start(grant.vmId(), grant.mode(), null, grant.adminName()), session);
            relay.attach(opened);
            LOG.info(() -> "View/Assist ticket " + grant.ticketId() + " (" + grant.mode() + ") of VM " + grant.vmId()
                    + " relayed");
            VncRelay.pump(opened, session);
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.INFO, "View/Assist of VM " + grant.vmId() + " could not reach the desktop", e);
            Relays.close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(), "could not reach the desktop");
        }
    }

    @OnMessage
    public void message(ByteBuffer bytes) throws IOException {
        relay.fromBrowser(bytes);
    }

    @OnMessage
    public void pong(PongMessage pong) {
        relay.heard();
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        end();
    }

    /** Once: the VM's view is closed (x11vnc ends, the notice goes) and the end is audited. */
    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        relay.end();
        if (grant != null) {
            try {
                watch.ended(grant.ticketId());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not audit the end of View/Assist ticket " + grant.ticketId(), e);
            }
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "View/Assist WebSocket error", error);
    }
}
