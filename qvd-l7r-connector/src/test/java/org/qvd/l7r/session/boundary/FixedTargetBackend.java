package org.qvd.l7r.session.boundary;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.qvd.l7r.session.control.ConnectionControl;
import org.qvd.l7r.session.control.ProgressListener;
import org.qvd.l7r.session.control.SessionBackend;
import org.qvd.l7r.session.entity.AuthenticationResult;
import org.qvd.l7r.session.entity.ConnectionId;
import org.qvd.l7r.session.entity.ConnectionState;
import org.qvd.l7r.session.entity.ConnectionTraffic;
import org.qvd.l7r.session.entity.Credentials;
import org.qvd.l7r.session.entity.NodeAvailability;
import org.qvd.l7r.session.entity.QvdUser;
import org.qvd.l7r.session.entity.SessionRequest;
import org.qvd.l7r.session.entity.VmAccess;
import org.qvd.l7r.session.entity.VmEndpoint;
import org.qvd.l7r.session.entity.VmRef;
import org.qvd.l7r.session.entity.VmSummary;

/**
 * A backend without a VMAS, for benchmarks and manual tests of the connector alone: one user, one always-running
 * VM (id 1) whose "NX agent" is a fixed TCP endpoint. Not used in a deployment.
 */
public final class FixedTargetBackend implements SessionBackend {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final String login;
    private final String password;
    private final String targetHost;
    private final int targetPort;
    private final SecureRandom random = new SecureRandom();

    /** {@code login} as {@code user@tenant}. */
    public FixedTargetBackend(String login, String password, String targetHost, int targetPort) {
        this.login = login;
        this.password = password;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    @Override
    public NodeAvailability nodeAvailability() {
        return NodeAvailability.SERVING;
    }

    @Override
    public AuthenticationResult authenticate(Credentials credentials, InetAddress source) {
        if (credentials instanceof Credentials.Password p
                && p.login().toString().equals(login)
                && p.password().equals(password)) {
            return new AuthenticationResult.Authenticated(new QvdUser(1, login));
        }
        return new AuthenticationResult.Refused("bad login or password");
    }

    /** Tokens need the VMAS: this backend has none to give. */
    @Override
    public org.qvd.l7r.session.entity.IssuedToken createToken(QvdUser user, java.time.Duration validity) {
        throw new org.qvd.l7r.session.entity.VmUnavailableException("tokens need the VMAS");
    }

    @Override
    public List<VmSummary> listVms(QvdUser user) {
        return List.of(new VmSummary(1, "target", "running", false));
    }

    @Override
    public VmAccess resolveVm(QvdUser user, long vmId) {
        return vmId == 1 ? new VmAccess.Granted(new VmRef(1, "target")) : new VmAccess.NotFound();
    }

    @Override
    public CompletionStage<Void> takeOver(SessionRequest request, ConnectionControl control, ProgressListener p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> ensureRunning(SessionRequest request, ProgressListener progress) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<VmEndpoint> startSession(SessionRequest request, ProgressListener progress) {
        StringBuilder key = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            key.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return CompletableFuture.completedFuture(new VmEndpoint(targetHost, targetPort, key.toString()));
    }

    @Override
    public void recordConnectionState(ConnectionId connection, ConnectionState state, ConnectionTraffic traffic) {
        // nothing to record without a VMAS
    }

    @Override
    public CompletionStage<Void> stopVm(QvdUser user, VmRef vm, ProgressListener progress) {
        return CompletableFuture.completedFuture(null);
    }
}
