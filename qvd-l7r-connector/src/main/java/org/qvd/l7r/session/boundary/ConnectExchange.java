package org.qvd.l7r.session.boundary;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.l7r.session.control.ConnectionControl;
import org.qvd.l7r.session.entity.ConnectionState;
import org.qvd.l7r.session.entity.ConnectionTraffic;
import org.qvd.l7r.session.entity.SessionRequest;
import org.qvd.l7r.session.entity.VmEndpoint;
import org.qvd.l7r.session.entity.VmUnavailableException;
import org.qvd.vmas.platform.text.LogText;

/**
 * One {@code connect_to_vm} after its checks passed: take the VM over, have it running, start the X session,
 * connect to the NX agent, record {@code connected}, answer {@code 101} and hand the connection to a
 * {@link TunnelRelay}. Every step is bounded by its timeout; every failure gives one {@code 503} with a reason.
 * All state is touched on the client channel's event loop only.
 */
final class ConnectExchange implements ConnectionControl {

    private static final Logger LOG = Logger.getLogger(ConnectExchange.class.getName());

    /** How a failure is answered (by the request handler, which then keeps the connection alive). */
    interface FailureReply {
        void reply(int status, String text);
    }

    private final ChannelHandlerContext ctx;
    private final ConnectorContext cx;
    private final SessionRequest request;
    private final FailureReply failureReply;
    private final ProgressSink progress;
    private final AtomicBoolean disconnectRecorded = new AtomicBoolean();
    private BackendCall<?> pending;
    private BackendCall<?> lastCall;
    private Channel nx;
    private TunnelRelay tunnel;
    private boolean finished;

    ConnectExchange(ChannelHandlerContext ctx, ConnectorContext cx, SessionRequest request, FailureReply failureReply) {
        this.ctx = ctx;
        this.cx = cx;
        this.request = request;
        this.failureReply = failureReply;
        this.progress = new ProgressSink(ctx, cx.config().progressHeartbeat());
    }

    void start() {
        LOG.fine(() -> "connect_to_vm " + request.vm() + " by "
                + LogText.quoted(request.user().login()) + " as " + request.connection());
        step(
                "taking over the virtual machine",
                cx.config().takeoverTimeout(),
                () -> cx.backend().takeOver(request, this, progress),
                v -> ensureRunning());
    }

    private void ensureRunning() {
        step(
                "waiting for the virtual machine to start",
                cx.config().vmStartTimeout(),
                () -> cx.backend().ensureRunning(request, progress),
                v -> startSession());
    }

    private void startSession() {
        step(
                "starting the X session",
                cx.config().sessionTimeout(),
                () -> cx.backend().startSession(request, progress),
                this::connectToAgent);
    }

    private void connectToAgent(VmEndpoint endpoint) {
        Bootstrap bootstrap = new Bootstrap()
                .group(ctx.channel().eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        cx.config().nxConnectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, TunnelRelay.WATER_MARK)
                .handler(new ChannelInboundHandlerAdapter());
        bootstrap.connect(endpoint.host(), endpoint.nxPort()).addListener(future -> {
            if (finished) {
                ((io.netty.channel.ChannelFuture) future).channel().close();
            } else if (!future.isSuccess()) {
                fail(new VmUnavailableException("cannot reach the desktop of the virtual machine", future.cause()));
            } else {
                nx = ((io.netty.channel.ChannelFuture) future).channel();
                recordConnected(endpoint);
            }
        });
    }

    private void recordConnected(VmEndpoint endpoint) {
        Instant connectedAt = Instant.now();
        step(
                "recording the connection",
                cx.config().backendTimeout(),
                BackendCall.sync(() -> {
                    cx.backend()
                            .recordConnectionState(
                                    request.connection(),
                                    ConnectionState.CONNECTED,
                                    new ConnectionTraffic(connectedAt, 0, 0));
                    return null;
                }),
                v -> upgrade(endpoint, connectedAt));
    }

    private void upgrade(VmEndpoint endpoint, Instant connectedAt) {
        finished = true;
        progress.close();
        ctx.writeAndFlush(QvdResponses.switching(ctx.alloc(), endpoint.slaveKey()));
        tunnel = TunnelRelay.install(ctx, nx, cx.config().tunnelIdleTimeout(), connectedAt, this::recordDisconnected);
        LOG.info(() -> "Tunnel open: " + LogText.quoted(request.user().login()) + " to VM "
                + request.vm().id() + " (" + request.connection() + ")");
    }

    private <T> void step(
            String what, java.time.Duration timeout, Supplier<CompletionStage<T>> call, Consumer<T> next) {
        if (finished) {
            return;
        }
        pending = lastCall = BackendCall.start(cx, ctx.channel().eventLoop(), timeout, what, call, (value, error) -> {
            pending = null;
            if (finished) {
                return;
            }
            if (error != null) {
                fail(error);
            } else if (!ctx.channel().isActive()) {
                clientClosed();
            } else {
                next.accept(value);
            }
        });
    }

    private void fail(Throwable error) {
        if (finished) {
            return;
        }
        finished = true;
        progress.close();
        closeAgent();
        recordDisconnected(ConnectionTraffic.NONE);
        failureReply.reply(
                503,
                "The requested virtual machine is not available: "
                        + unavailable(error, "connect_to_vm " + request.connection()) + ", retry later.");
    }

    /** The client went away before the tunnel was up. */
    void clientClosed() {
        if (finished) {
            return;
        }
        finished = true;
        progress.close();
        if (pending != null) {
            pending.cancel();
        }
        closeAgent();
        recordDisconnected(ConnectionTraffic.NONE);
    }

    /** Called by the VMAS (any thread) when another client takes this VM over. */
    @Override
    public void abort(String reason) {
        ctx.channel().eventLoop().execute(() -> {
            LOG.info(() -> "Aborting " + request.connection() + ": " + reason);
            if (tunnel != null) {
                tunnel.close();
            } else {
                fail(new VmUnavailableException("the connection was taken over (" + reason + ")"));
            }
        });
    }

    private void closeAgent() {
        if (nx != null) {
            nx.close();
        }
    }

    private void recordDisconnected(ConnectionTraffic traffic) {
        if (!disconnectRecorded.compareAndSet(false, true)) {
            return;
        }
        Runnable record = () -> {
            try {
                cx.backend().recordConnectionState(request.connection(), ConnectionState.DISCONNECTED, traffic);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record the end of " + request.connection(), e);
            }
        };
        // after the backend method in flight has returned, so DISCONNECTED never overtakes CONNECTING/CONNECTED
        java.util.concurrent.CompletableFuture<Void> before =
                lastCall == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : lastCall.invoked();
        before.whenComplete((v, e) -> {
            try {
                cx.worker().execute(record);
            } catch (java.util.concurrent.RejectedExecutionException busy) {
                record.run();
            }
        });
    }

    /**
     * The reason a client may read: an expected failure's message, a timeout, else only an error id (the
     * exception itself goes to the log).
     */
    static String unavailable(Throwable error, String context) {
        if (error instanceof VmUnavailableException) {
            return error.getMessage();
        }
        if (error instanceof TimeoutException) {
            return error.getMessage();
        }
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Error " + errorId + " in " + context, error);
        return "internal error " + errorId;
    }
}
