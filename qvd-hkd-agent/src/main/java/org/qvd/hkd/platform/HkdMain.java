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

    private HkdMain() {
    }

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
        HkdDaemon daemon = new HkdDaemon(config, new HttpVmaClient(config.get(HkdConfig.VMA_PORT),
                config.get(HkdConfig.VMA_REQUEST_TIMEOUT)));
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "hkd-shutdown"));
        daemon.start();
        daemon.awaitStop();
        log.info("HKD stopped");
        // library threads (Artemis, JNA) must not keep a stopped agent alive
        System.exit(0);
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
