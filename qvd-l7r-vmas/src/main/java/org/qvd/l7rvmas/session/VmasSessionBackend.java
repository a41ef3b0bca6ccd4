package org.qvd.l7rvmas.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.l7r.session.control.ConnectionControl;
import org.qvd.l7r.session.control.ProgressListener;
import org.qvd.l7r.session.control.SessionBackend;
import org.qvd.l7r.session.entity.AuthenticationResult;
import org.qvd.l7r.session.entity.ConnectionId;
import org.qvd.l7r.session.entity.ConnectionState;
import org.qvd.l7r.session.entity.ConnectionTraffic;
import org.qvd.l7r.session.entity.Credentials;
import org.qvd.l7r.session.entity.IssuedToken;
import org.qvd.l7r.session.entity.NodeAvailability;
import org.qvd.l7r.session.entity.QvdUser;
import org.qvd.l7r.session.entity.SessionRequest;
import org.qvd.l7r.session.entity.VmAccess;
import org.qvd.l7r.session.entity.VmEndpoint;
import org.qvd.l7r.session.entity.VmRef;
import org.qvd.l7r.session.entity.VmSummary;
import org.qvd.l7r.session.entity.VmUnavailableException;
import org.qvd.protocol.state.UserState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vma.VmaPorts;
import org.qvd.vmas.account.boundary.AuthenticationFailedException;
import org.qvd.vmas.account.boundary.UserAuthenticationService;
import org.qvd.vmas.account.boundary.UserDto;
import org.qvd.vmas.account.boundary.UserTokenService;
import org.qvd.vmas.directory.control.DirectoryUnavailableException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.session.accounting.ConnectionAccountingService;
import org.qvd.vmas.vm.boundary.ConnectView;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRuntimeService;

/**
 * The L7R's decisions, taken by the VMAS EJBs ({@link UserAuthenticationService}, {@link UserTokenService},
 * {@link VmRuntimeService}, {@link ConnectionAccountingService}); waits end on notices from {@code qvd.notices}
 * ({@link NoticeListener}), never by polling the database.
 */
@ApplicationScoped
public class VmasSessionBackend implements SessionBackend {

    private static final Logger LOG = Logger.getLogger(VmasSessionBackend.class.getName());
    private static final Duration AVAILABILITY_CACHE = Duration.ofSeconds(5);
    /** A holder that does not let go within this is taken for stale (its node died with the connection on it). */
    static final Duration STALE_HOLDER = Duration.ofSeconds(10);
    /** How often a takeover looks whether the holder's node is still in the cluster while it waits for the holder. */
    static final Duration HOLDER_WATCH = Duration.ofMillis(250);

    @EJB
    UserAuthenticationService users;

    @EJB
    UserTokenService tokens;

    @EJB
    VmRuntimeService runtime;

    @EJB
    ConnectionAccountingService accounting;

    @Inject
    NoticeSender notices;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService timer;

    private final VmWaiters waiters = new VmWaiters();
    private final ConnectionHolders holders = new ConnectionHolders();
    /**
     * What {@link #takeOver} read for a connection that found its VM free (VM, session parameters, VMA key, one
     * transaction), for its next steps, which otherwise read them again one transaction each; dropped at its
     * {@code DISCONNECTED} at the latest.
     */
    private final Map<ConnectionId, ConnectView> views = new ConcurrentHashMap<>();
    /** What {@link #resolveVm} read, for the {@link #takeOver} of the same user and VM that follows at once. */
    private final ResolvedVms resolved = new ResolvedVms(Duration.ofSeconds(2), System::nanoTime);

    private final SecureRandom random = new SecureRandom();
    private HttpClient http;
    private volatile CachedAvailability availability;

    private record CachedAvailability(NodeAvailability value, Instant at) {}

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    @Override
    public NodeAvailability nodeAvailability() {
        CachedAvailability cached = availability;
        Instant now = Instant.now();
        if (cached != null && cached.at().plus(AVAILABILITY_CACHE).isAfter(now)) {
            return cached.value();
        }
        NodeAvailability fresh;
        try {
            users.listVms(-1L); // the cheapest round trip through the VMAS and its database
            fresh = NodeAvailability.SERVING;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the VMAS does not answer: this node does not serve clients", e);
            fresh = NodeAvailability.notServing("Server is unavailable");
        }
        availability = new CachedAvailability(fresh, now);
        return fresh;
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials, InetAddress source) {
        try {
            UserDto user = credentials instanceof Credentials.Password password
                    ? users.authenticate(password.login().toString(), password.password())
                    : tokens.authenticate(((Credentials.Token) credentials).candidates());
            return new AuthenticationResult.Authenticated(
                    new QvdUser(user.id(), user.login() + "@" + user.tenantName()));
        } catch (DirectoryUnavailableException e) {
            // details are in the server log and the directory's probe; never the directory's address to a client
            throw new VmUnavailableException("the directory of your organisation is not reachable; try again later");
        } catch (AuthenticationFailedException e) {
            return new AuthenticationResult.Refused(
                    credentials instanceof Credentials.Password
                            ? "unknown login, wrong password, or blocked user or tenant"
                            : "unknown or expired token, or blocked user or tenant");
        }
    }

    @Override
    public IssuedToken createToken(QvdUser user, Duration validity) {
        var issued = tokens.create(user.id(), validity);
        return new IssuedToken(issued.id(), issued.token(), issued.expiresAt());
    }

    @Override
    public List<VmSummary> listVms(QvdUser user) {
        return users.listVms(user.id()).stream()
                .map(v -> new VmSummary(v.id(), v.name(), v.state().wireName(), v.blocked()))
                .toList();
    }

    @Override
    public VmAccess resolveVm(QvdUser user, long vmId) {
        ConnectView view;
        try {
            view = runtime.connectView(vmId);
        } catch (NotFoundException e) {
            return new VmAccess.NotFound();
        }
        VmDto vm = view.vm();
        if (!Objects.equals(vm.userId(), user.id())) {
            return new VmAccess.NotFound(); // QVD's default allow_access_to_vm: the owner only
        }
        if (vm.blocked()) {
            return new VmAccess.Blocked("the virtual machine is blocked");
        }
        resolved.remember(user.id(), vmId, view);
        return new VmAccess.Granted(new VmRef(vm.id(), vm.name()));
    }

    @Override
    public CompletionStage<Void> takeOver(
            SessionRequest request, ConnectionControl control, ProgressListener progress) {
        long vmId = request.vm().id();
        ConnectionId connection = request.connection();
        ConnectView view = resolved.take(request.user().id(), vmId).orElseGet(() -> runtime.connectView(vmId));
        VmDto vm = view.vm();
        if (vm.userState() == UserState.DISCONNECTED) {
            views.put(connection, view);
            return Stages.attempt(() -> connecting(connection, vmId, control, false));
        }
        // another client holds the VM: end its session only if this request can be served in its place (what was
        // read now is not kept: the VM may change while the holder lets go)
        CompletableFuture<Void> servable = servable(request, view);
        CompletableFuture<Void> result = new CompletableFuture<>();
        servable.whenCompleteAsync(
                (v, error) -> {
                    if (error != null) {
                        result.completeExceptionally(
                                error instanceof CompletionException && error.getCause() != null
                                        ? error.getCause()
                                        : error);
                    } else if (!result.isDone()) {
                        CompletableFuture<Void> takenOver = takeOverFrom(request, control, progress);
                        Stages.cancelling(result, takenOver);
                        takenOver.whenComplete((done, failure) -> {
                            if (failure != null) {
                                result.completeExceptionally(
                                        failure instanceof CompletionException && failure.getCause() != null
                                                ? failure.getCause()
                                                : failure);
                            } else {
                                result.complete(null);
                            }
                        });
                    }
                },
                executor);
        return Stages.cancelling(result, servable);
    }

    /**
     * Whether the VM's agent would start a session with this request's parameters ({@code x_check}); asked only
     * when the VM runs, i.e. when there is an agent to ask and a session that a failing request must not end.
     */
    private CompletableFuture<Void> servable(SessionRequest request, ConnectView view) {
        if (!view.running()) {
            return CompletableFuture.completedFuture(null);
        }
        VmDto vm = view.vm();
        try {
            Map<String, String> params = SessionParameters.forVma(
                    request.clientParameters(),
                    view.sessionParameters(),
                    request.user().login(),
                    SessionParameters.newSlaveKey(random));
            return VmaSession.check(
                    http, vm.address(), vm.vmaPort() != null ? vm.vmaPort() : VmaPorts.HTTP, view.vmaKey(), params);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> takeOverFrom(
            SessionRequest request, ConnectionControl control, ProgressListener progress) {
        long vmId = request.vm().id();
        ConnectionId connection = request.connection();
        progress.progress("Taking over the session from another client");
        CompletableFuture<Notice> released = waiters.await(vmId, Notice::isReleased);
        notices.abortConnections(vmId, connection.toString(), "taken over by another client");
        // a holder on a node that has left the cluster (docs/cluster.md) never lets go: stop waiting as soon as the
        // cluster's view says so. Watched during the whole wait, not asked once: a client whose node was just killed
        // reconnects before the other nodes have verified the suspicion and installed a view without it (~1 s).
        ScheduledFuture<?> watch = timer.scheduleWithFixedDelay(
                () -> {
                    if (!released.isDone() && holderNodeGone(vmId)) {
                        LOG.info(() ->
                                "the node holding VM " + vmId + "'s connection has left the cluster: taking it over");
                        released.complete(null);
                    }
                },
                0,
                HOLDER_WATCH.toMillis(),
                TimeUnit.MILLISECONDS);
        released.whenComplete((n, e) -> watch.cancel(false));
        CompletableFuture<Void> result = released.completeOnTimeout(
                        null, STALE_HOLDER.toMillis(), TimeUnit.MILLISECONDS)
                .thenAcceptAsync(n -> connecting(connection, vmId, control, n == null), executor);
        return Stages.cancelling(result, released);
    }

    private boolean holderNodeGone(long vmId) {
        try {
            return runtime.holderNodeGone(vmId);
        } catch (RuntimeException e) {
            return false; // unknown: wait for the holder as on a single node
        }
    }

    /** Records {@code connection} as the VM's holder; {@code stale}: first clear a holder that never let go. */
    private void connecting(ConnectionId connection, long vmId, ConnectionControl control, boolean stale) {
        if (holders.hasEnded(connection)) {
            throw new VmUnavailableException("the client has left");
        }
        if (stale) {
            LOG.warning(() -> "VM " + vmId + "'s connection was not released (its node left the cluster, or did not"
                    + " answer within " + STALE_HOLDER.toSeconds() + " s): taking it over");
            Instant now = Instant.now();
            Stages.quietly(() -> accounting.connectionDropped(vmId, now));
        }
        Stages.vmas(() -> runtime.userConnecting(vmId));
        if (!holders.hold(connection, vmId, control)) {
            releaseVm(vmId, connection); // the client left while we recorded it
            throw new VmUnavailableException("the client has left");
        }
    }

    @Override
    public CompletionStage<Void> ensureRunning(SessionRequest request, ProgressListener progress) {
        long vmId = request.vm().id();
        ConnectView view = views.get(request.connection());
        if (view != null && view.running()) {
            return CompletableFuture.completedFuture(null); // read by takeOver moments ago
        }
        VmDto vm = runtime.get(vmId);
        if (vm.state() == VmState.RUNNING) {
            return CompletableFuture.completedFuture(null);
        }
        if (vm.state() != VmState.STOPPED && vm.state() != VmState.STARTING) {
            return CompletableFuture.failedFuture(new VmUnavailableException(
                    "the virtual machine is " + vm.state().wireName()));
        }
        CompletableFuture<Notice> settled = waiters.await(vmId, n -> n.isVmState(VmState.RUNNING, VmState.STOPPED));
        try {
            if (vm.state() == VmState.STOPPED) {
                progress.progress("Starting virtual machine");
                Stages.vmas(() -> runtime.requestStart(vmId)); // placement and StartVm, in the VMAS's own transaction
            } else {
                progress.progress("Waiting for the virtual machine to start");
            }
            settleFromDatabase(vmId, settled); // it may have got there before the waiter was registered
        } catch (RuntimeException e) {
            settled.cancel(false);
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> result = settled.thenAccept(n -> {
            if (n.state() != VmState.RUNNING) {
                throw new VmUnavailableException(
                        "the virtual machine stopped" + (n.reason() == null ? "" : ": " + n.reason()));
            }
            progress.progress("Virtual machine running");
        });
        return Stages.cancelling(result, settled);
    }

    private void settleFromDatabase(long vmId, CompletableFuture<Notice> settled) {
        VmDto now = runtime.get(vmId);
        if (now.state() == VmState.RUNNING || now.state() == VmState.STOPPED) {
            settled.complete(Notice.vmState(vmId, now.state(), now.lastFailure()));
        }
    }

    @Override
    public CompletionStage<VmEndpoint> startSession(SessionRequest request, ProgressListener progress) {
        long vmId = request.vm().id();
        ConnectView view = views.remove(request.connection());
        if (view == null || !view.running()) {
            view = runtime.connectView(vmId); // the VM was started (or taken over) since: read it again
        }
        VmDto vm = view.vm();
        if (!view.running()) {
            return CompletableFuture.failedFuture(new VmUnavailableException(
                    "the virtual machine is " + vm.state().wireName()));
        }
        String slaveKey = SessionParameters.newSlaveKey(random);
        Map<String, String> params = SessionParameters.forVma(
                request.clientParameters(),
                view.sessionParameters(),
                request.user().login(),
                slaveKey);
        progress.progress("Starting desktop session");
        int vmaPort = vm.vmaPort() != null ? vm.vmaPort() : VmaPorts.HTTP;
        int nxPort = vm.xPort() != null ? vm.xPort() : VmaPorts.NX;
        CompletableFuture<Void> listening =
                new VmaSession(http, timer, vm.address(), vmaPort, view.vmaKey(), params, progress).start();
        return Stages.cancelling(listening.thenApply(v -> new VmEndpoint(vm.address(), nxPort, slaveKey)), listening);
    }

    @Override
    public void recordConnectionState(ConnectionId connection, ConnectionState state, ConnectionTraffic traffic) {
        switch (state) {
            case CONNECTING -> {
                // takeOver records it, together with the holder
            }
            case CONNECTED -> {
                ConnectionHolders.Holder holder = holders.active(connection)
                        .orElseThrow(() -> new VmUnavailableException("the session was taken over by another client"));
                Instant openedAt = traffic.connectedAt() != null ? traffic.connectedAt() : Instant.now();
                Stages.vmas(() -> accounting.tunnelOpened(holder.vmId(), openedAt, connection.node()));
            }
            case DISCONNECTED -> {
                views.remove(connection);
                Instant now = Instant.now();
                holders.release(connection, now).ifPresent(holder -> {
                    LOG.info(() -> "connection " + connection + " to VM " + holder.vmId() + " ended: "
                            + traffic.bytesFromClient() + " bytes from the client, " + traffic.bytesToClient()
                            + " to it");
                    releaseVm(holder.vmId(), connection, traffic, now);
                });
            }
        }
    }

    private void releaseVm(long vmId, ConnectionId connection) {
        releaseVm(vmId, connection, ConnectionTraffic.NONE, Instant.now());
    }

    /** The user is disconnected and, for a tunnel that opened, its times and bytes accounted, before the release. */
    private void releaseVm(long vmId, ConnectionId connection, ConnectionTraffic traffic, Instant closedAt) {
        try {
            if (traffic.connectedAt() != null) {
                Stages.quietly(() -> accounting.tunnelClosed(
                        vmId,
                        traffic.connectedAt(),
                        closedAt,
                        traffic.bytesFromClient(),
                        traffic.bytesToClient(),
                        connection.node()));
            } else {
                Stages.quietly(() -> accounting.connectionDropped(vmId, closedAt));
            }
        } finally {
            notices.connectionReleased(vmId, connection.toString());
        }
    }

    @Override
    public CompletionStage<Void> stopVm(QvdUser user, VmRef vm, ProgressListener progress) {
        long vmId = vm.id();
        VmDto current = runtime.get(vmId);
        if (current.state() == VmState.STOPPED) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Notice> stopped = waiters.await(vmId, n -> n.isVmState(VmState.STOPPED));
        try {
            progress.progress("Stopping virtual machine");
            if (current.state() != VmState.STOPPING) {
                Stages.vmas(() -> runtime.requestStop(vmId));
            }
            settleFromDatabase(vmId, stopped);
        } catch (RuntimeException e) {
            stopped.cancel(false);
            return CompletableFuture.failedFuture(e);
        }
        return Stages.cancelling(stopped.thenAccept(n -> {}), stopped);
    }

    /** A notice from {@link NoticeListener}: aborts local holders asked to let go, completes waiters. */
    void onNotice(Notice notice) {
        if (notice.isAbort()) {
            int aborted = holders.abortOthers(
                    notice.vmId(),
                    notice.connection(),
                    notice.reason() == null ? "taken over by another client" : notice.reason());
            if (aborted > 0) {
                LOG.info(() -> "aborted " + aborted + " connection(s) to VM " + notice.vmId() + ": taken over");
            }
        }
        waiters.deliver(notice);
    }
}
