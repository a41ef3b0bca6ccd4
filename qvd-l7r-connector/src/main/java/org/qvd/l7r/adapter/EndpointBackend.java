package org.qvd.l7r.adapter;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.l7r.session.control.ConnectionControl;
import org.qvd.l7r.session.control.FailureCounters;
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

/**
 * The listener's {@link SessionBackend}: every call goes to the VMAS's endpoint through a {@link MessageEndpoint}
 * of its own (the Connectors contract: an endpoint instance serves one thread at a time), released after the call.
 * The stages the VMAS returns complete later on the VMAS's threads; only the call itself holds the endpoint. It is
 * also the login throttle's {@link FailureCounters}: the VMAS keeps them in the database every node shares.
 */
final class EndpointBackend implements SessionBackend, FailureCounters {

    private static final Logger LOG = Logger.getLogger(EndpointBackend.class.getName());

    private final MessageEndpointFactory factory;

    EndpointBackend(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    private <T> T call(Function<L7rEndpoint, T> call) {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            throw new VmUnavailableException("the server is not ready", e);
        }
        try {
            return call.apply((L7rEndpoint) endpoint);
        } finally {
            endpoint.release();
        }
    }

    /** Tells the VMAS of each refused connection (it counts them in the metrics), off the I/O thread. */
    Consumer<String> refusals(Executor worker) {
        return reason -> {
            try {
                worker.execute(() -> call(e -> {
                    e.connectionRefused(reason);
                    return null;
                }));
            } catch (RejectedExecutionException busy) {
                LOG.log(Level.FINE, "a refused connection was not counted (busy)", busy);
            }
        };
    }

    @Override
    public NodeAvailability nodeAvailability() {
        try {
            return call(L7rEndpoint::nodeAvailability);
        } catch (VmUnavailableException e) {
            return NodeAvailability.notServing("Server is unavailable");
        }
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials, InetAddress source) {
        return call(e -> e.authenticate(credentials, source));
    }

    @Override
    public IssuedToken createToken(QvdUser user, Duration validity) {
        return call(e -> e.createToken(user, validity));
    }

    @Override
    public IssuedToken createToken(QvdUser user, Duration validity, InetAddress source) {
        return call(e -> e.createToken(user, validity, source));
    }

    @Override
    public List<VmSummary> listVms(QvdUser user) {
        return call(e -> e.listVms(user));
    }

    @Override
    public VmAccess resolveVm(QvdUser user, long vmId) {
        return call(e -> e.resolveVm(user, vmId));
    }

    @Override
    public CompletionStage<Void> takeOver(
            SessionRequest request, ConnectionControl control, ProgressListener progress) {
        return call(e -> e.takeOver(request, control, progress));
    }

    @Override
    public CompletionStage<Void> ensureRunning(SessionRequest request, ProgressListener progress) {
        return call(e -> e.ensureRunning(request, progress));
    }

    @Override
    public CompletionStage<VmEndpoint> startSession(SessionRequest request, ProgressListener progress) {
        return call(e -> e.startSession(request, progress));
    }

    @Override
    public void recordConnectionState(ConnectionId connection, ConnectionState state, ConnectionTraffic traffic) {
        call(e -> {
            e.recordConnectionState(connection, state, traffic);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> stopVm(QvdUser user, VmRef vm, ProgressListener progress) {
        return call(e -> e.stopVm(user, vm, progress));
    }

    @Override
    public CompletionStage<Void> stopVm(QvdUser user, VmRef vm, ProgressListener progress, InetAddress source) {
        return call(e -> e.stopVm(user, vm, progress, source));
    }

    @Override
    public Failures get(String key) {
        return call(e -> e.loginFailures(key));
    }

    @Override
    public Map<String, Failures> getAll(List<String> keys) {
        return call(e -> e.loginFailures(keys));
    }

    @Override
    public Failures update(String key, UnaryOperator<Failures> next) {
        return call(e -> e.updateLoginFailures(key, next));
    }

    @Override
    public void remove(String key) {
        call(e -> {
            e.clearLoginFailures(key);
            return null;
        });
    }

    @Override
    public void purge(Instant windowStart, Instant now) {
        call(e -> {
            e.purgeLoginFailures(windowStart, now);
            return null;
        });
    }
}
