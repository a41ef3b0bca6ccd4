package org.qvd.l7rvmas.session;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.qvd.l7r.adapter.L7rEndpoint;
import org.qvd.l7r.session.control.ConnectionControl;
import org.qvd.l7r.session.control.FailureCounters.Failures;
import org.qvd.l7r.session.control.ProgressListener;
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
 * The VMAS's side of the L7R resource adapter ({@code qvd-l7r.rar}): its activation opens the node's L7R listener,
 * its deactivation (undeploy, shutdown) closes it. Each call comes from the adapter on one of the server's managed
 * threads and goes to the node's {@link VmasSessionBackend}, which holds the waiters, the connection holders and the
 * cache. No transaction: the VMAS EJBs it calls have their own, as when the connector called them directly.
 */
@MessageDriven(messageListenerInterface = L7rEndpoint.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class L7rEndpointBean implements L7rEndpoint {

    @Inject
    VmasSessionBackend backend;

    @Inject
    L7rMetrics metrics;

    @Inject
    SharedLoginFailures loginFailures;

    @Inject
    ClientOrigins origins;

    @Override
    public void connectionRefused(String reason) {
        metrics.refused(reason);
    }

    @Override
    public NodeAvailability nodeAvailability() {
        return backend.nodeAvailability();
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials, InetAddress source) {
        origins.set(source);
        return backend.authenticate(credentials, source);
    }

    @Override
    public IssuedToken createToken(QvdUser user, Duration validity) {
        return backend.createToken(user, validity);
    }

    @Override
    public IssuedToken createToken(QvdUser user, Duration validity, InetAddress source) {
        origins.set(source);
        return backend.createToken(user, validity);
    }

    @Override
    public List<VmSummary> listVms(QvdUser user) {
        return backend.listVms(user);
    }

    @Override
    public VmAccess resolveVm(QvdUser user, long vmId) {
        return backend.resolveVm(user, vmId);
    }

    @Override
    public CompletionStage<Void> takeOver(
            SessionRequest request, ConnectionControl control, ProgressListener progress) {
        origins.set(request.connection(), request.clientAddress().getAddress());
        return backend.takeOver(request, control, progress);
    }

    @Override
    public CompletionStage<Void> ensureRunning(SessionRequest request, ProgressListener progress) {
        origins.set(request.connection(), false);
        return backend.ensureRunning(request, progress);
    }

    @Override
    public CompletionStage<VmEndpoint> startSession(SessionRequest request, ProgressListener progress) {
        origins.set(request.connection(), false);
        return backend.startSession(request, progress);
    }

    @Override
    public void recordConnectionState(ConnectionId connection, ConnectionState state, ConnectionTraffic traffic) {
        origins.set(connection, state == ConnectionState.DISCONNECTED);
        backend.recordConnectionState(connection, state, traffic);
    }

    @Override
    public CompletionStage<Void> stopVm(QvdUser user, VmRef vm, ProgressListener progress) {
        return backend.stopVm(user, vm, progress);
    }

    @Override
    public CompletionStage<Void> stopVm(QvdUser user, VmRef vm, ProgressListener progress, InetAddress source) {
        origins.set(source);
        return backend.stopVm(user, vm, progress);
    }

    @Override
    public Failures loginFailures(String key) {
        return loginFailures.get(key);
    }

    @Override
    public Map<String, Failures> loginFailures(List<String> keys) {
        return loginFailures.getAll(keys);
    }

    @Override
    public Failures updateLoginFailures(String key, UnaryOperator<Failures> next) {
        return loginFailures.update(key, next);
    }

    @Override
    public void clearLoginFailures(String key) {
        loginFailures.remove(key);
    }

    @Override
    public void purgeLoginFailures(Instant windowStart, Instant now) {
        loginFailures.purge(windowStart, now);
    }
}
