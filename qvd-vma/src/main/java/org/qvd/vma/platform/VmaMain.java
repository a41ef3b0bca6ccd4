package org.qvd.vma.platform;

import java.util.logging.Logger;
import org.qvd.vma.power.control.PowerControl;
import org.qvd.vma.session.boundary.VmaHttpServer;
import org.qvd.vma.session.control.SessionSupervisor;
import org.qvd.vma.vnc.control.VncSessions;
import org.qvd.vma.vnc.control.VncSettings;

/** Starts the VMA: loads the configuration, logs it, serves the HTTP API until the JVM ends. */
public final class VmaMain {
    private static final Logger LOG = Logger.getLogger(VmaMain.class.getName());

    private VmaMain() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %3$s: %5$s%6$s%n");
        VmaConfig config = VmaConfig.load();
        LOG.info(() -> "configuration: " + config);
        if (config.localMode()) {
            LOG.warning("LOCAL MODE (tests only): nxagent runs as the current user; no useradd, mkfs or mount");
        }
        String version = VmaMain.class.getPackage().getImplementationVersion();
        VmaKey key = VmaKey.load(config.key());
        SessionSupervisor session = new SessionSupervisor(config);
        VmaHttpServer server = new VmaHttpServer(
                session,
                new PowerControl(config.poweroffCommand()),
                version == null ? "dev" : version,
                key,
                new VncSessions(session, VncSettings.of(config), config.localMode()));
        server.start(config.httpBind(), config.httpPort());
        LOG.info(() -> "VMA listening on " + config.httpBind() + ":" + server.port());
        session.prepareHome();
    }
}
