package org.qvd.l7r.session.control;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
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

/**
 * Every decision the L7R needs, taken by the VMAS. The connector owns only I/O: it parses the QVD wire protocol,
 * asks this interface, and relays bytes. One implementation per deployment, found through CDI (an
 * {@code @ApplicationScoped} bean delegating to the VMAS EJBs and listening to JMS); tests use an in-memory one.
 *
 * <h2>Threading</h2>
 * The connector never calls these methods on a Netty I/O thread: it calls them on a worker executor (the server's
 * {@code ManagedExecutorService} in WildFly), so synchronous methods may block on the database for a short while.
 * Methods that wait for something that happens elsewhere (a VM booting, another node letting go of a VM, the X
 * session listening) return a {@link CompletionStage} that the implementation completes <em>when the event
 * arrives</em> (a JMS {@code VmStateChanged}/{@code VmaState} event, a notice), never by polling. The connector puts
 * its own timeout on each stage and then cancels it ({@code toCompletableFuture().cancel(false)}); implementations
 * should release their listener when that happens. A stage failed with
 * {@link org.qvd.l7r.session.entity.VmUnavailableException} shows its message to the client in the {@code 503}; any
 * other failure is logged and only an error id is shown.
 *
 * <h2>A {@code connect_to_vm}, in the order the connector calls it</h2>
 * {@link #authenticate} → {@link #resolveVm} → {@link #takeOver} → {@link #ensureRunning} → {@link #startSession}
 * → (TCP connect to the endpoint) → {@link #recordConnectionState}{@code (CONNECTED)} → {@code 101} → tunnel →
 * {@link #recordConnectionState}{@code (DISCONNECTED)}. Once {@code takeOver} has been called, the connector always
 * ends with exactly one {@code DISCONNECTED} for that connection id, whatever fails, and only after the backend
 * method in flight has returned; it also comes when {@code takeOver} itself failed or timed out, so ignore a
 * {@code DISCONNECTED} for a connection that does not (or no longer) hold the VM.
 */
public interface SessionBackend {

    /**
     * Whether this node serves clients, for {@code GET /qvd/ping} (the load balancer's health check): QVD answers
     * {@code 503 Server is <state>} / {@code Server is blocked} when this node's host runtime is not running or is
     * blocked. Called often: keep it cheap (cache).
     */
    NodeAvailability nodeAvailability();

    /**
     * Checks credentials: a {@code user@tenant} login (the default tenant already applied) and password, or a token
     * (see {@link Credentials.Token} for its candidate forms). Refuse unknown users, wrong secrets, blocked users and
     * blocked tenants alike. {@code source} is the client's address, for the audit log. Brute-force throttling is
     * done by the connector before this is called.
     */
    AuthenticationResult authenticate(Credentials credentials, InetAddress source);

    /**
     * Makes a user token for {@code create_auth_token}: multi-use until {@code validity} has passed, then refused by
     * {@link #authenticate}. Keep only a hash of it; never log it.
     */
    IssuedToken createToken(QvdUser user, Duration validity);

    /** The same for a client at {@code source} (the audit records it); implementations that keep no audit need not. */
    default IssuedToken createToken(QvdUser user, Duration validity, InetAddress source) {
        return createToken(user, validity);
    }

    /** The user's desktop VMs for {@code list_of_vm}, in display order. */
    List<VmSummary> listVms(QvdUser user);

    /**
     * Resolves {@code vmId} for a {@code connect_to_vm} or {@code stop_vm} by this user: {@code NotFound} if it does
     * not exist or the user may not use it (QVD's {@code allow_access_to_vm}: by default the owner only),
     * {@code Blocked} if it is blocked, else {@code Granted}.
     */
    VmAccess resolveVm(QvdUser user, long vmId);

    /**
     * Makes {@code request.connection()} the VM's only client connection and records it as
     * {@link ConnectionState#CONNECTING}. If another connection holds the VM (state not {@code disconnected}, on any
     * node), ask its node to abort it through the cluster-wide notice (that node calls the holder's
     * {@link ConnectionControl#abort}), and complete once the holder has reported {@code DISCONNECTED}. Keep
     * {@code control} (keyed by connection id) until this connection reports {@code DISCONNECTED}: call it when a
     * notice asks to abort this connection.
     */
    CompletionStage<Void> takeOver(SessionRequest request, ConnectionControl control, ProgressListener progress);

    /**
     * Makes sure the VM runs: if stopped, choose a host (placement), send {@code StartVm} and complete on the
     * {@code VmStateChanged(running)} event; complete at once if already running; fail with
     * {@link org.qvd.l7r.session.entity.VmUnavailableException} if it falls back to stopped or the start fails. Report
     * steps through {@code progress} (e.g. "Starting virtual machine").
     */
    CompletionStage<Void> ensureRunning(SessionRequest request, ProgressListener progress);

    /**
     * Starts or resumes the X session: merge the session parameters (client parameters, then the combined
     * properties of OSF, DI, user and VM), generate the slave key ({@code qvd.slave.key}, 64 random alphanumerics),
     * call the VMA's {@code x_start}, and complete with the NX endpoint when the VMA reports {@code listening}.
     */
    CompletionStage<VmEndpoint> startSession(SessionRequest request, ProgressListener progress);

    /**
     * Records a connection's state and traffic: {@code CONNECTED} right before the {@code 101} (throw
     * {@link org.qvd.l7r.session.entity.VmUnavailableException} if the connection was aborted meanwhile: the client then
     * gets a {@code 503}); {@code DISCONNECTED} when it ends, with connect time and byte counts (for short-session
     * accounting), after which the connection's {@link ConnectionControl} can be forgotten.
     */
    void recordConnectionState(ConnectionId connection, ConnectionState state, ConnectionTraffic traffic);

    /**
     * Stops the VM for {@code stop_vm} (the client's "restart session"), completing when it is {@code stopped}
     * (event, not polling); a VM already stopped completes at once.
     */
    CompletionStage<Void> stopVm(QvdUser user, VmRef vm, ProgressListener progress);

    /** The same for a client at {@code source} (the audit records it); implementations that keep no audit need not. */
    default CompletionStage<Void> stopVm(QvdUser user, VmRef vm, ProgressListener progress, InetAddress source) {
        return stopVm(user, vm, progress);
    }
}
