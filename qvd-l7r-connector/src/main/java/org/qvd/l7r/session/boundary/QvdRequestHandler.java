package org.qvd.l7r.session.boundary;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.l7r.session.control.AuthorizationHeader;
import org.qvd.l7r.session.control.ConnectParameters;
import org.qvd.l7r.session.control.LoginThrottle;
import org.qvd.l7r.session.entity.AuthenticationResult;
import org.qvd.l7r.session.entity.ConnectionId;
import org.qvd.l7r.session.entity.Credentials;
import org.qvd.l7r.session.entity.QvdUser;
import org.qvd.l7r.session.entity.SessionRequest;
import org.qvd.l7r.session.entity.VmAccess;
import org.qvd.l7r.session.entity.VmRef;
import org.qvd.vmas.platform.text.LogText;

/**
 * Answers QVD requests on one client connection, one at a time (keep-alive: {@code list_of_vm} then
 * {@code connect_to_vm} on the same TLS connection). Backend calls run off the event loop through
 * {@link BackendCall}; while one is pending the decoder holds back further bytes (bounded).
 */
final class QvdRequestHandler extends SimpleChannelInboundHandler<Object> {

    private static final Logger LOG = Logger.getLogger(QvdRequestHandler.class.getName());
    private static final String REALM = "WWW-Authenticate: Basic realm=\"QVD\"";

    private final ConnectorContext cx;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> requestDeadline;
    private BackendCall<?> pending;
    private ConnectExchange exchange;
    private String authenticatedHeader;
    private QvdUser authenticatedUser;
    private boolean closeAfterResponse;

    QvdRequestHandler(ConnectorContext cx) {
        this.cx = cx;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    /**
     * The idle clock starts once TLS is up (the handshake has its own timeout in the SslHandler) and after every
     * answer; the header clock at the first byte of a request head.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof SslHandshakeCompletionEvent done && done.isSuccess() && exchange == null) {
            armRequestDeadline();
        } else if (event == QvdRequestDecoder.HeadStarted.INSTANCE) {
            armDeadline(cx.config().headerTimeout(), "request head not complete");
        } else if (event instanceof SslCloseCompletionEvent) {
            context.close(); // the client's close_notify: QVD has no use for a half-closed TLS connection
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, Object msg) {
        // reading goes on while a request is served (the paused decoder bounds what it holds), so a client that
        // leaves during a long wait is noticed at once
        disarmRequestDeadline();
        if (msg instanceof RequestRejection r) {
            closeAfterResponse = true;
            reply(r.status(), r.text());
        } else if (msg instanceof QvdRequest request) {
            closeAfterResponse = request.asksToClose();
            dispatch(request);
        }
    }

    private void dispatch(QvdRequest request) {
        if (!"HTTP/1.1".equals(request.version())) {
            closeAfterResponse = true;
            reply(505, "Only HTTP/1.1 is supported");
        } else if (!"GET".equals(request.method())) {
            reply(405, "Method not allowed", "Allow: GET");
        } else {
            switch (request.path()) {
                case "/qvd/ping" -> ping();
                case "/qvd/list_of_vm" -> authenticated(request, this::listVms);
                case "/qvd/connect_to_vm" -> authenticated(request, user -> connect(request, user));
                case "/qvd/stop_vm" -> authenticated(request, user -> stop(request, user));
                case "/qvd/create_auth_token" -> authenticated(request, user -> createToken(request, user));
                default -> reply(404, "Unknown request");
            }
        }
    }

    private void ping() {
        if (cx.stopping().get()) {
            reply(503, "Server is stopping");
            return;
        }
        pending = BackendCall.start(
                cx,
                ctx.channel().eventLoop(),
                cx.config().backendTimeout(),
                "checking the node",
                BackendCall.sync(cx.backend()::nodeAvailability),
                (availability, error) -> {
                    if (error != null) {
                        reply(503, "Server is not available");
                    } else {
                        reply(availability.serving() ? 200 : 503, availability.reason());
                    }
                });
    }

    private void listVms(QvdUser user) {
        pending = BackendCall.start(
                cx,
                ctx.channel().eventLoop(),
                cx.config().backendTimeout(),
                "listing VMs",
                BackendCall.sync(() -> cx.backend().listVms(user)),
                (vms, error) -> {
                    if (error != null) {
                        replyInternalError("list_of_vm", error);
                    } else {
                        respond(QvdResponses.json(ctx.alloc(), QvdResponses.vmListJson(vms)));
                    }
                });
    }

    private void connect(QvdRequest request, QvdUser user) {
        if (!request.asksForQvdUpgrade()) {
            reply(426, "Upgrade to QVD/1.0 required", "Upgrade: QVD/1.0", "Connection: Upgrade");
            return;
        }
        ConnectParameters.Checked params = ConnectParameters.check(request.query(), true);
        if (!params.ok()) {
            reply(params.status(), params.problem());
            return;
        }
        withVm(user, params.vmId(), vm -> {
            SessionRequest session = new SessionRequest(
                    ConnectionId.newOn(cx.config().nodeName()), user, vm, clientAddress(), params.clientParameters());
            exchange = new ConnectExchange(ctx, cx, session, this::exchangeFailed);
            exchange.start();
        });
    }

    private void stop(QvdRequest request, QvdUser user) {
        ConnectParameters.Checked params = ConnectParameters.check(request.query(), true);
        if (!params.ok()) {
            reply(params.status(), params.problem());
            return;
        }
        withVm(user, params.vmId(), vm -> {
            ProgressSink progress = new ProgressSink(ctx, cx.config().progressHeartbeat());
            pending = BackendCall.start(
                    cx,
                    ctx.channel().eventLoop(),
                    cx.config().vmStartTimeout(),
                    "stopping the VM",
                    () -> cx.backend()
                            .stopVm(user, vm, progress, clientAddress().getAddress()),
                    (v, error) -> {
                        progress.close();
                        if (error != null) {
                            reply(503, ConnectExchange.unavailable(error, "stop_vm"));
                        } else {
                            reply(200, "Machine stopped");
                        }
                    });
        });
    }

    /**
     * QVD's {@code create_auth_token}: {@code {"auth_params_id":N,"auth_token":"base64(token)"}}. Only a password
     * login makes one, so that a token cannot renew itself forever.
     */
    private void createToken(QvdRequest request, QvdUser user) {
        if (!AuthorizationHeader.isBasic(request.header("Authorization"))) {
            reply(403, "A token cannot create another token: log in with a password");
            return;
        }
        pending = BackendCall.start(
                cx,
                ctx.channel().eventLoop(),
                cx.config().backendTimeout(),
                "creating a token",
                BackendCall.sync(() -> cx.backend()
                        .createToken(
                                user,
                                cx.config().tokenValidity(),
                                clientAddress().getAddress())),
                (token, error) -> {
                    if (error != null) {
                        replyInternalError("create_auth_token", error);
                    } else {
                        LOG.info(() -> "Token " + token.authParamsId() + " created for " + LogText.quoted(user.login())
                                + ", valid until "
                                + token.expiresAt());
                        respond(QvdResponses.json(ctx.alloc(), QvdResponses.tokenJson(token)));
                    }
                });
    }

    private void withVm(QvdUser user, long vmId, Consumer<VmRef> next) {
        pending = BackendCall.start(
                cx,
                ctx.channel().eventLoop(),
                cx.config().backendTimeout(),
                "resolving the VM",
                BackendCall.sync(() -> cx.backend().resolveVm(user, vmId)),
                (access, error) -> {
                    if (error != null) {
                        replyInternalError("resolveVm", error);
                    } else if (access instanceof VmAccess.Granted granted) {
                        next.accept(granted.vm());
                    } else if (access instanceof VmAccess.Blocked) {
                        reply(403, "The requested virtual machine is offline for maintenance");
                    } else {
                        reply(404, "The requested virtual machine does not exist");
                    }
                });
    }

    private void authenticated(QvdRequest request, Consumer<QvdUser> next) {
        String header = request.header("Authorization");
        if (header != null && header.equals(authenticatedHeader)) {
            next.accept(authenticatedUser); // QVD caches the first success per connection
            return;
        }
        Optional<Credentials> credentials =
                AuthorizationHeader.parse(header, cx.config().defaultTenant());
        if (credentials.isEmpty()) {
            reply(401, "Authentication required", REALM);
            return;
        }
        String login =
                credentials.get() instanceof Credentials.Password p ? p.login().toString() : null;
        String source = clientAddress().getAddress().getHostAddress();
        // the throttle's counters may be the cluster's (a database): asked on the worker, never on this loop, in one
        // read
        pending = BackendCall.start(
                cx,
                ctx.channel().eventLoop(),
                cx.config().backendTimeout(),
                "checking the login throttle",
                BackendCall.sync(() -> cx.throttle().admit(source, login, header)),
                (admission, error) -> {
                    if (error != null) {
                        replyInternalError("check the login throttle", error);
                    } else if (admission.refused()) {
                        LOG.warning(() -> "Login throttled: " + describe(login) + " from " + source);
                        unauthorizedLater();
                    } else if (admission.slowdown().isZero()) {
                        checkCredentials(credentials.get(), admission, header, next);
                    } else {
                        java.time.Duration slowdown = admission.slowdown();
                        LOG.info(() -> "Login slowed down by " + slowdown.toMillis() + " ms: " + describe(login)
                                + " from " + source + " (it failed often lately)");
                        ctx.executor()
                                .schedule(
                                        () -> {
                                            if (ctx.channel().isActive()) {
                                                checkCredentials(credentials.get(), admission, header, next);
                                            }
                                        },
                                        slowdown.toMillis(),
                                        TimeUnit.MILLISECONDS);
                    }
                });
    }

    /** What a password check came to, with the failures it made count ({@code -1}: repeated, not counted). */
    private record Checked(AuthenticationResult result, int failures) {}

    private void checkCredentials(
            Credentials credentials, LoginThrottle.Admission admission, String header, Consumer<QvdUser> next) {
        LoginThrottle.Attempt attempt = admission.attempt();
        String login = attempt.login();
        String source = attempt.source();
        // in a logon storm a login may wait its turn in the lane longer than a backend call may take: only its own
        // check is timed, its turn may take as long as a VM start
        pending = BackendCall.startInTurn(
                cx.logins(),
                ctx.channel().eventLoop(),
                cx.config().vmStartTimeout(),
                cx.config().backendTimeout(),
                "authenticating",
                BackendCall.sync(() -> {
                    AuthenticationResult result = cx.backend()
                            .authenticate(credentials, clientAddress().getAddress());
                    if (result instanceof AuthenticationResult.Authenticated) {
                        cx.throttle().recordSuccess(admission); // usually nothing to clear: no write
                        return new Checked(result, 0);
                    }
                    return new Checked(result, cx.throttle().recordFailure(attempt));
                }),
                (checked, error) -> {
                    if (error != null) {
                        replyInternalError("authenticate", error);
                    } else if (checked.result() instanceof AuthenticationResult.Authenticated ok) {
                        authenticatedHeader = header;
                        authenticatedUser = ok.user();
                        next.accept(ok.user());
                    } else {
                        int failures = checked.failures();
                        String why = ((AuthenticationResult.Refused) checked.result()).reasonForLog();
                        LOG.info(() -> "Login failed: " + describe(login) + " from " + source + " (" + why + ", "
                                + (failures < 0
                                        ? "the same credentials again: not counted"
                                        : failures + " recent failures from this address")
                                + ")");
                        unauthorizedLater();
                    }
                });
    }

    /** A refused or throttled login waits before its 401, on a timer (no thread is held). */
    private void unauthorizedLater() {
        ctx.executor()
                .schedule(
                        () -> reply(401, "Authentication required", REALM),
                        cx.config().throttledDelay().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    private void exchangeFailed(int status, String text) {
        exchange = null;
        reply(status, text);
    }

    private void reply(int status, String text, String... headers) {
        respond(QvdResponses.text(ctx.alloc(), status, text, headers));
    }

    private void replyInternalError(String what, Throwable error) {
        reply(503, ConnectExchange.unavailable(error, what));
    }

    private void respond(io.netty.buffer.ByteBuf response) {
        pending = null;
        if (!ctx.channel().isActive()) {
            response.release();
            return;
        }
        if (closeAfterResponse) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(response);
        QvdRequestDecoder decoder = ctx.pipeline().get(QvdRequestDecoder.class);
        if (decoder != null) {
            armRequestDeadline();
            decoder.resume(ctx.pipeline().context(decoder));
        }
    }

    private void armRequestDeadline() {
        armDeadline(cx.config().requestTimeout(), "no request");
    }

    /** After {@code timeout}: {@code 408} and the close, unless a complete request head arrived. */
    private void armDeadline(java.time.Duration timeout, String why) {
        disarmRequestDeadline();
        requestDeadline = ctx.executor()
                .schedule(
                        () -> {
                            LOG.fine(() -> "Closing " + ctx.channel().remoteAddress() + ": " + why + " within "
                                    + timeout.toSeconds() + " s");
                            requestDeadline = null;
                            closeAfterResponse = true;
                            reply(408, "Request Timeout");
                        },
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    private void disarmRequestDeadline() {
        if (requestDeadline != null) {
            requestDeadline.cancel(false);
            requestDeadline = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        disarmRequestDeadline();
        if (pending != null) {
            pending.cancel();
        }
        if (exchange != null) {
            exchange.clientClosed();
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.log(Level.FINE, "Closing client connection " + context.channel().remoteAddress(), cause);
        context.close();
    }

    /** The client's address: from the load balancer's PROXY line when there is one, else the peer's. */
    private InetSocketAddress clientAddress() {
        InetSocketAddress proxied =
                ctx.channel().attr(ProxyProtocolDecoder.CLIENT).get();
        return proxied != null ? proxied : (InetSocketAddress) ctx.channel().remoteAddress();
    }

    /** The login as the client typed it, escaped: it must not forge log lines. */
    private static String describe(String login) {
        return login == null ? "token" : LogText.quoted(login);
    }
}
