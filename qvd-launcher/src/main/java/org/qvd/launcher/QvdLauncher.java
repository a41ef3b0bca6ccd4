package org.qvd.launcher;

import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code qvd run}: starts the whole system on one machine, prints how to reach it, and stops it on Ctrl-C.
 */
public final class QvdLauncher {

    private QvdLauncher() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try {
            run(LauncherConfig.fromEnvironment(System.getenv()));
        } catch (LauncherException e) {
            System.err.println("qvd: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(LauncherConfig config) {
        System.setProperty("java.io.tmpdir", config.home().resolve("tmp").toString());
        AtomicReference<QvdSystem> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            QvdSystem system = running.get();
            if (system != null) {
                System.out.println("qvd: stopping the local HKD, WildFly and PostgreSQL...");
                system.close();
                System.out.println("qvd: stopped.");
            }
        }, "qvd-shutdown"));
        System.out.println("qvd: starting PostgreSQL and WildFly (log: " + config.home().resolve("wildfly/log/console.log") + ")...");
        QvdSystem system = QvdSystem.start(config);
        running.set(system);
        printBanner(system);
        try {
            int code = system.awaitServerExit();
            System.err.println("qvd: WildFly exited with code " + code + ", see " + system.consoleLog());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printBanner(QvdSystem system) {
        String https = "https://localhost:" + system.httpsPort();
        System.out.println();
        System.out.println("QVD is running (Ctrl-C stops it).");
        System.out.println("  Database          " + system.dbUrl());
        System.out.println("  WAT (admin web)   " + https + "/wat/");
        System.out.println("  REST API          " + https + "/api/v1/");
        System.out.println("  L7R (QVD clients) https://localhost:" + system.l7rPort() + "/");
        System.out.println("  Health, metrics   http://127.0.0.1:" + system.managementPort() + "/health/ready, /prometheus");
        System.out.println("  Log in as         superadmin@*");
        if (system.superadminPasswordGenerated()) {
            System.out.println("  Password          " + system.superadminPassword().orElseThrow()
                    + "   <- generated now and shown only once; keep it");
        } else if (system.superadminPassword().isPresent()) {
            System.out.println("  Password          (from QVD_SUPERADMIN_PASSWORD)");
        } else {
            System.out.println("  Password          the one shown at the first run");
        }
        System.out.println("  Local HKD         " + system.localHkdLog()
                .map(log -> "host '" + system.config().hkdHostName() + "' on " + system.config().hkdLibvirtUri() + " (log: " + log + ")")
                .orElse("not started (QVD_LOCAL_HKD=" + system.config().localHkd() + "; needs the built agent and libvirt)"));
        System.out.println("  Data              " + system.config().home());
        System.out.println();
    }
}
