package org.qvd.l7r.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.WorkManager;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.qvd.health.boundary.NodeParts;
import org.qvd.l7r.platform.ConnectorConfig;
import org.qvd.l7r.platform.QvdKeystore;
import org.qvd.l7r.session.boundary.L7rListener;
import org.qvd.vmas.platform.ServerConfig;

/**
 * The L7R inside WildFly. The server starts the adapter with the deployment; the listener opens when the VMAS's
 * endpoint ({@link L7rEndpoint}, a message-driven bean) is activated and closes when it is deactivated or the
 * adapter stops. Its event loops and backend calls are {@code Work} on the adapter's {@link WorkManager}: no thread
 * of its own. Until the listener is bound, and after it failed (port taken, no key store), the node's readiness
 * check {@code l7r-listener} is DOWN with the reason. {@code qvd.l7r.enabled=false} deploys without the listener.
 */
public class L7rResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(L7rResourceAdapter.class.getName());

    private transient WorkManager workManager;
    private transient boolean longRunningHint;
    private transient MessageEndpointFactory active;
    private transient L7rListener listener;

    @Override
    public void start(BootstrapContext context) {
        workManager = context.getWorkManager();
        longRunningHint = context.isContextSupported(HintsContext.class);
        NodeParts.report(NodeParts.L7R_LISTENER, "starting"); // until the VMAS activates the endpoint and it binds
    }

    @Override
    public void stop() {
        stopListener("stopped");
    }

    @Override
    public synchronized void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
            throws ResourceException {
        if (!(spec instanceof L7rActivationSpec)) {
            throw new NotSupportedException("the L7R takes only an " + L7rActivationSpec.class.getName());
        }
        if (active != null) {
            throw new NotSupportedException(
                    "the L7R serves one endpoint; " + active.getEndpointClass() + " is already active");
        }
        active = factory;
        if (!ServerConfig.enabled("qvd.l7r.enabled")) {
            LOG.info("QVD L7R disabled (qvd.l7r.enabled=false)");
            NodeParts.report(NodeParts.L7R_LISTENER, null);
            return;
        }
        NodeParts.report(NodeParts.L7R_LISTENER, "starting");
        Executor worker = WorkExecutor.shortTasks(workManager);
        try {
            // waiting for the key store may take seconds: never on the deployment's thread
            worker.execute(() -> startListener(factory, worker));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.SEVERE, "QVD L7R failed to start", e);
            NodeParts.report(NodeParts.L7R_LISTENER, "failed to start: " + e);
        }
    }

    private void startListener(MessageEndpointFactory factory, Executor worker) {
        try {
            EndpointBackend backend = new EndpointBackend(factory);
            L7rListener started = new L7rListener(
                    ConnectorConfig.fromServer(),
                    QvdKeystore.sslContext(Duration.ofSeconds(30)),
                    backend,
                    worker,
                    backend.refusals(worker),
                    WorkExecutor.longTasks(workManager, longRunningHint));
            started.start();
            synchronized (this) {
                if (active == factory) {
                    listener = started;
                    NodeParts.report(NodeParts.L7R_LISTENER, null);
                    return;
                }
            }
            started.stop(); // deactivated while starting
        } catch (Exception | LinkageError e) {
            LOG.log(Level.SEVERE, "QVD L7R failed to start", e);
            NodeParts.report(NodeParts.L7R_LISTENER, "failed to start: " + e);
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        synchronized (this) {
            if (active != factory) {
                return;
            }
            active = null;
        }
        stopListener("stopped: the VMAS's endpoint is gone");
    }

    private void stopListener(String reason) {
        L7rListener running;
        synchronized (this) {
            running = listener;
            listener = null;
            active = null;
            NodeParts.report(NodeParts.L7R_LISTENER, reason);
        }
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0]; // the listener takes part in no transaction
    }

    /** One adapter instance per deployment: identity is equality (the Connectors contract asks for both methods). */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
