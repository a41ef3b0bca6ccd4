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
        printDemo(system);
        try {
            int code = system.awaitServerExit();
            System.err.println("qvd: WildFly exited with code " + code + ", see " + system.consoleLog());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first-run demo desktop (QVD_DEMO=auto): what it made, and the client command to reach it. */
    static void printDemo(QvdSystem system) {
        if (!"auto".equals(system.config().demo())) {
            return;
        }
        java.util.Optional<DemoDesktop.Login> login;
        try {
            login = system.superadminPassword().isPresent()
                    ? DemoDesktop.ensure(system, system.superadminPassword().get()) : DemoDesktop.saved(system);
        } catch (LauncherException e) {
            System.out.println("Demo desktop: not set up (" + e.getMessage() + ")");
            return;
        }
        if (login.isEmpty()) {
            System.out.println("Demo desktop: no built image in " + system.config().imagesStaging()
                    + " (build one with: sudo images/build.sh, then run again)");
            return;
        }
        DemoDesktop.Login l = login.get();
        System.out.println("Demo desktop (user '" + l.user() + "', password " + l.password() + "):");
        System.out.println("  " + system.config().sourceRoot().resolve("qvd-client/target/dist/qvd-client")
                + " --host localhost:" + system.l7rPort() + " --user " + l.user() + "@default"
                + (l.vmId() > 0 ? " --vm " + l.vmId() : ""));
        System.out.println();
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
