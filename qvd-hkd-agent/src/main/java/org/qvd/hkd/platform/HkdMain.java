package org.qvd.hkd.platform;

import java.nio.file.Path;
import java.util.logging.Logger;
import org.qvd.hkd.config.ConfigInvalidException;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.vm.control.HttpVmaClient;

/**
 * Entry point: {@code qvd-hkd [--config /etc/qvd/hkd.conf]}. Exit 0 after SIGTERM or StopHost, 2 on a bad
 * configuration. Broker and libvirt outages never end the process.
 */
public final class HkdMain {

    static final String DEFAULT_CONFIG = "/etc/qvd/hkd.conf";
    /** Leaves a margin under the 5 s an operator (and systemd's stop) may expect. */
    static final long SHUTDOWN_BUDGET_MS = 2_500;

    private HkdMain() {}

    public static void main(String[] args) throws InterruptedException {
        LogSetup.configure();
        Logger log = Logger.getLogger(HkdMain.class.getName());
        Path file = Path.of(configPath(args));
        HkdConfig config;
        try {
            config = HkdConfig.load(file);
        } catch (ConfigInvalidException e) {
            log.severe(e.getMessage());
            System.exit(2);
            return;
        }
        log.info(() -> "configuration from " + file + (file.toFile().canRead() ? "" : " (not found: defaults)"));
        config.describe().forEach((key, value) -> log.info(() -> "  " + key + " = " + value));
        config.unknownKeys().forEach(key -> log.warning(() -> "unknown configuration key ignored: " + key));
        HkdDaemon daemon = new HkdDaemon(
                config, new HttpVmaClient(config.get(HkdConfig.VMA_PORT), config.get(HkdConfig.VMA_REQUEST_TIMEOUT)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeWithin(daemon, SHUTDOWN_BUDGET_MS), "hkd-shutdown"));
        daemon.start();
        daemon.awaitStop();
        log.info("HKD stopped");
        // library threads (Artemis, JNA) must not keep a stopped agent alive
        System.exit(0);
    }

    /**
     * Closes the agent, but never for longer than the budget: SIGTERM must end the agent within 5 s even when a
     * broker connection attempt or a libvirt call hangs. What is not closed by then dies with the JVM; the
     * VMAS reconciles with the next agent's registration.
     */
    static void closeWithin(AutoCloseable daemon, long budgetMs) {
        Thread closer = new Thread(
                () -> {
                    try {
                        daemon.close();
                    } catch (Exception e) {
                        Logger.getLogger(HkdMain.class.getName()).warning(() -> "closing the agent: " + e);
                    }
                },
                "hkd-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(budgetMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            Logger.getLogger(HkdMain.class.getName())
                    .warning(() -> "the agent did not close within " + budgetMs + " ms; exiting anyway");
        }
    }

    static String configPath(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if ("--config".equals(args[i])) {
                return args[i + 1];
            }
        }
        String env = System.getenv("QVD_HKD_CONFIG");
        return env == null || env.isBlank() ? DEFAULT_CONFIG : env;
    }
}
