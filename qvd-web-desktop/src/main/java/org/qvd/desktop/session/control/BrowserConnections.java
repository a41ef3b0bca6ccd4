package org.qvd.desktop.session.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.desktop.session.entity.BrowserConnection;
import org.qvd.l7r.session.control.SessionBackend;
import org.qvd.l7r.session.entity.ConnectionId;
import org.qvd.l7r.session.entity.ConnectionState;
import org.qvd.l7r.session.entity.ConnectionTraffic;
import org.qvd.l7r.session.entity.QvdUser;
import org.qvd.l7r.session.entity.SessionRequest;
import org.qvd.l7r.session.entity.VmAccess;
import org.qvd.l7r.session.entity.VmUnavailableException;

/**
 * A browser's connect, in the order the L7R's {@code connect_to_vm} takes it ({@link SessionBackend}): take the VM
 * over, have it running, start the X session (with an NX cookie of its own: the in-VM viewer presents it), then a
 * single-use ticket for the WebSocket; exactly one {@code DISCONNECTED} at the end, whatever happens.
 */
@ApplicationScoped
public class BrowserConnections {
    private static final Logger LOG = Logger.getLogger(BrowserConnections.class.getName());
    /** How long a ticket may wait for its WebSocket. */
    static final Duration TICKET = Duration.ofSeconds(60);

    private static final Duration TAKEOVER = Duration.ofSeconds(30);
    private static final Duration VM_START = Duration.ofMinutes(5);
    private static final Duration SESSION = Duration.ofMinutes(2);
    private final SecureRandom random = new SecureRandom();
    private final Map<String, BrowserConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, Runnable> closers = new ConcurrentHashMap<>();

    @Inject
    SessionBackend backend;

    @Resource
    ManagedScheduledExecutorService timer;

    /** Starts the connect; the page follows it with {@link #find}. */
    /** @param keyboard the session's keyboard as an NX client names it ({@code pc105/de}) */
    public BrowserConnection connect(
            QvdUser user, long vmId, String geometry, String keyboard, InetSocketAddress client) {
        VmAccess access = backend.resolveVm(user, vmId);
        if (access instanceof VmAccess.NotFound) {
            throw new NoSuchVmException(vmId);
        }
        if (access instanceof VmAccess.Blocked blocked) {
            throw new VmUnavailableException(blocked.reason());
        }
        ConnectionId id = ConnectionId.newOn(Nodes.name());
        BrowserConnection connection = new BrowserConnection(id, user, vmId, geometry);
        connections.put(id.id(), connection);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("qvd.client.link", "lan"); // the viewer is inside the VM, next to nxagent
        params.put("qvd.client.fullscreen", "1"); // the desktop takes the whole viewer: the browser's size
        params.put("qvd.client.geometry", geometry);
        params.put("qvd.client.keyboard", keyboard);
        params.put("qvd.client.nx.cookie", HexFormat.of().formatHex(bytes(16)));
        SessionRequest request = new SessionRequest(id, user, ((VmAccess.Granted) access).vm(), client, params);
        step(
                connection,
                () -> backend.takeOver(request, reason -> abort(connection, reason), connection::progress),
                TAKEOVER,
                () -> step(
                        connection,
                        () -> backend.ensureRunning(request, connection::progress),
                        VM_START,
                        () -> step(
                                connection,
                                () -> backend.startSession(request, connection::progress),
                                SESSION,
                                () -> ready(connection))));
        return connection;
    }

    private <T> void step(
            BrowserConnection connection, Supplier<CompletionStage<T>> call, Duration limit, Runnable next) {
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            failed(connection, e);
            return;
        }
        stage.toCompletableFuture()
                .orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((v, error) -> {
                    if (error != null) {
                        failed(connection, error);
                    } else if (connection.status().phase().equals("working")) {
                        next.run();
                    }
                });
    }

    private void ready(BrowserConnection connection) {
        connection.progress("Desktop ready");
        connection.ready(
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32)),
                Instant.now().plus(TICKET));
        timer.schedule(
                () -> {
                    if (connection.status().phase().equals("ready")) {
                        finish(connection, "the ticket expired before the browser used it", ConnectionTraffic.NONE);
                    }
                },
                TICKET.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void failed(BrowserConnection connection, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        String reason;
        if (cause instanceof VmUnavailableException) {
            reason = cause.getMessage();
        } else if (cause instanceof java.util.concurrent.TimeoutException) {
            reason = "timed out";
        } else {
            String errorId = java.util.UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "error " + errorId + " in browser connection " + connection.id(), cause);
            reason = "internal error " + errorId;
        }
        connection.progress("The virtual machine is not available: " + reason);
        finish(connection, reason, ConnectionTraffic.NONE);
    }

    /** Another client takes the VM over (a notice from any node): the browser is cut and told so. */
    private void abort(BrowserConnection connection, String reason) {
        connection.takenOver("taken over by another client");
        Runnable closer = closers.get(connection.id().id());
        if (closer != null) {
            closer.run(); // the relay's close then finishes the connection with its traffic
        }
        finish(connection, "taken over by another client", ConnectionTraffic.NONE);
    }

    public Optional<BrowserConnection> find(String id) {
        return Optional.ofNullable(id == null ? null : connections.get(id));
    }

    /** The relay is open: recorded as {@code connected} (refused if it was taken over meanwhile). */
    public void relayOpened(BrowserConnection connection, Instant at, Runnable closer) {
        closers.put(connection.id().id(), closer);
        backend.recordConnectionState(connection.id(), ConnectionState.CONNECTED, new ConnectionTraffic(at, 0, 0));
    }

    /** Ends a connection once: the VMAS hears {@code DISCONNECTED} and the VM is free for the next client. */
    public void finish(BrowserConnection connection, String reason, ConnectionTraffic traffic) {
        closers.remove(connection.id().id());
        if (connection.end(reason)) {
            LOG.info(() ->
                    "browser connection " + connection.id() + " to VM " + connection.vmId() + " ended: " + reason);
            try {
                backend.recordConnectionState(connection.id(), ConnectionState.DISCONNECTED, traffic);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not record the end of " + connection.id(), e);
            }
            // the page may still ask how it ended for a while
            timer.schedule(() -> connections.remove(connection.id().id()), 10, TimeUnit.MINUTES);
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
