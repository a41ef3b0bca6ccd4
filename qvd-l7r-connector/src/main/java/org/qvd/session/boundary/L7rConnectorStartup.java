package org.qvd.session.boundary;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.qvd.health.boundary.NodeParts;
import org.qvd.l7r.platform.ConnectorConfig;
import org.qvd.l7r.platform.QvdKeystore;
import org.qvd.session.control.SessionBackend;

/**
 * Starts the L7R listener with the deployment and stops it with it. The {@link SessionBackend} comes from CDI
 * (exactly one bean); backend calls run on the server's default {@code ManagedExecutorService}. Start-up is
 * asynchronous so that waiting for the key store never delays the deployment. Set {@code qvd.l7r.enabled=false}
 * to deploy without the listener.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class L7rConnectorStartup {

    private static final Logger LOG = Logger.getLogger(L7rConnectorStartup.class.getName());

    @Inject
    Instance<SessionBackend> backends;

    @Inject
    Instance<Object> meters;

    @Resource
    ManagedExecutorService executor;

    private L7rListener listener;
    private boolean stopped;

    @PostConstruct
    void start() {
        if ("false".equalsIgnoreCase(System.getProperty("qvd.l7r.enabled", System.getenv("QVD_L7R_ENABLED")))) {
            LOG.info("QVD L7R disabled (qvd.l7r.enabled=false)");
            NodeParts.report(NodeParts.L7R_LISTENER, null);
            return;
        }
        if (!backends.isResolvable()) {
            LOG.warning("QVD L7R not started: no single SessionBackend bean is deployed");
            NodeParts.report(NodeParts.L7R_LISTENER, "not started: no single SessionBackend bean is deployed");
            return;
        }
        SessionBackend backend = backends.get();
        NodeParts.report(NodeParts.L7R_LISTENER, "starting");
        executor.execute(() -> startListener(backend));
    }

    private void startListener(SessionBackend backend) {
        try {
            L7rListener started = new L7rListener(ConnectorConfig.fromEnvironment(),
                    QvdKeystore.sslContext(Duration.ofSeconds(30)), backend, executor, refusalCounter());
            started.start();
            synchronized (this) {
                if (!stopped) {
                    listener = started;
                    NodeParts.report(NodeParts.L7R_LISTENER, null);
                    return;
                }
            }
            started.stop(); // undeployed while starting
        } catch (Exception | LinkageError e) {
            LOG.log(Level.SEVERE, "QVD L7R failed to start", e);
            NodeParts.report(NodeParts.L7R_LISTENER, "failed to start: " + e);
        }
    }

    /** Counts refusals in the server's metrics ({@code qvd_l7r_connections_refused_total{reason}}) when it has them. */
    private java.util.function.Consumer<String> refusalCounter() {
        try {
            return L7rMetrics.refusals(meters);
        } catch (LinkageError | RuntimeException e) {
            LOG.warning(() -> "L7R refusals are logged but not in the metrics: " + e);
            return reason -> { };
        }
    }

    @PreDestroy
    void stop() {
        L7rListener running;
        synchronized (this) {
            running = listener;
            listener = null;
            stopped = true;
            NodeParts.report(NodeParts.L7R_LISTENER, "stopped");
        }
        if (running != null) {
            running.stop();
        }
    }
}
