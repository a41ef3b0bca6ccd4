package org.qvd.launcher;

import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code qvd run}: starts the whole system on one machine, prints how to reach it, and stops it on Ctrl-C.
 */
public final class QvdLauncher {

    private QvdLauncher() {}

    static final String USAGE = "usage: ./qvd run [--stop-vms-on-exit] [--demo-vm] | ./qvd cluster [NODES]"
            + "   (settings: docs/configuration.md, docs/cluster.md)";

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try {
            LauncherConfig config = LauncherConfig.fromEnvironment(System.getenv());
            if (args.length > 0 && args[0].equals("--cluster")) {
                ClusterRun.run(config, args.length > 1 ? Integer.parseInt(args[1]) : 2);
                return;
            }
            for (String arg : args) {
                switch (arg) {
                    case "--stop-vms-on-exit" -> config = config.withStopVmsOnExit();
                    case "--demo-vm" -> config = config.withDemoVm();
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new LauncherException("unknown option '" + arg + "'; " + USAGE);
                }
            }
            run(config);
        } catch (LauncherException e) {
            System.err.println("qvd: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(LauncherConfig config) {
        System.setProperty("java.io.tmpdir", config.home().resolve("tmp").toString());
        AtomicReference<QvdSystem> running = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.set(true);
                            QvdSystem system = running.get();
                            if (system != null) {
                                stop(system);
                            }
                        },
                        "qvd-shutdown"));
        System.out.println("qvd: starting PostgreSQL and WildFly (log: "
                + config.home().resolve("wildfly/log/console.log") + ")...");
        java.util.Optional<OidcSetup> sso = OidcSetup.fromEnvironment(System.getenv());
        QvdSystem system = QvdSystem.start(config);
        running.set(system);
        sso.ifPresent(s -> {
            // the server's configuration is copied fresh at every start: single sign-on is applied again each time
            System.out.println("qvd: connecting single sign-on to " + s.providerUrl() + " (oidc.cli)...");
            s.apply(system);
        });
        printBanner(system);
        printDemo(system);
        try {
            int code = system.awaitServerExit();
            if (stopping.get()) {
                return; // stopped by Ctrl-C or SIGTERM: the shutdown hook reports
            }
            System.err.println("qvd: WildFly exited with code " + code + ", see " + system.consoleLog());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ctrl-C or SIGTERM: the local HKD, WildFly and PostgreSQL stop; desktop VMs would keep running in libvirt
     * (unseen, 1 GiB or more each), so they are destroyed first with {@code --stop-vms-on-exit}, else named.
     * Either way the next run reconciles: its agent reports what still runs, the VMAS settles the rest.
     */
    static void stop(QvdSystem system) {
        long started = System.nanoTime();
        String uri = system.config().hkdLibvirtUri();
        java.util.List<String> vms = DesktopVms.running(uri);
        java.nio.file.Path ctDir =
                DesktopVms.containerDir(system.config().home().resolve("hkd/hkd.conf"));
        java.util.List<String> containers =
                system.localContainers() ? DesktopVms.runningContainers(ctDir) : java.util.List.of();
        if ((!vms.isEmpty() || !containers.isEmpty()) && system.config().stopVmsOnExit()) {
            if (!vms.isEmpty()) {
                System.out.println(
                        "qvd: stopping the desktop VMs " + String.join(", ", vms) + " (--stop-vms-on-exit)...");
                java.util.List<String> gone = DesktopVms.destroy(uri, vms);
                vms = vms.stream().filter(v -> !gone.contains(v)).toList();
            }
            if (!containers.isEmpty()) {
                System.out.println("qvd: stopping the desktop containers " + String.join(", ", containers)
                        + " (--stop-vms-on-exit)...");
                java.util.List<String> gone = DesktopVms.stopContainers(ctDir, containers);
                containers = containers.stream().filter(c -> !gone.contains(c)).toList();
            }
            // the local agent notices the ended domains within a heartbeat period, reports them stopped and removes
            // what a container leaves (overlay mount, layer, network binding)
            if (system.localHkdLog().isPresent()) {
                sleepQuietly(6_000);
            }
        }
        System.out.println("qvd: stopping the local HKD, WildFly and PostgreSQL...");
        system.close();
        System.out.println("qvd: stopped in " + (System.nanoTime() - started) / 1_000_000 / 100 / 10.0 + " s.");
        if (!vms.isEmpty()) {
            System.out.println("qvd: " + vms.size() + " desktop VM(s) keep running in libvirt (" + uri + "): "
                    + String.join(", ", vms) + ". The next ./qvd run takes them over; stop them with"
                    + " 'virsh -c " + uri + " destroy <name>', or run './qvd run --stop-vms-on-exit' next time.");
        }
        if (!containers.isEmpty()) {
            System.out.println("qvd: " + containers.size() + " desktop container(s) keep running (LXC, " + ctDir + "): "
                    + String.join(", ", containers) + ". The next ./qvd run takes them over; stop them with"
                    + " 'lxc-stop -P " + ctDir + " -k -n <name>', or run './qvd run --stop-vms-on-exit' next time.");
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The first-run demo desktop (QVD_DEMO=auto): which kind it is and why (a container where containers work, a VM
     * otherwise or with --demo-vm), what it made, and the client command to reach it.
     */
    static void printDemo(QvdSystem system) {
        if (!"auto".equals(system.config().demo())) {
            return;
        }
        java.util.Optional<DemoDesktop.Login> login;
        try {
            if (system.superadminPassword().isPresent()) {
                DemoDesktop.Choice choice = DemoDesktop.choose(
                        system.config(),
                        ContainerHost.local(),
                        system.localHkdLog().isPresent());
                System.out.println("Demo desktop: " + choice.kind().words() + ", because " + choice.why() + ".");
                login = DemoDesktop.ensure(system, system.superadminPassword().get(), choice.kind());
            } else {
                login = DemoDesktop.saved(system);
                if ("vm".equals(system.config().demoKind())
                        || "container".equals(system.config().demoKind())) {
                    System.out.println("Demo desktop: the kind is chosen on a run that knows the superadmin password"
                            + " (QVD_SUPERADMIN_PASSWORD=... ./qvd run"
                            + ("vm".equals(system.config().demoKind()) ? " --demo-vm" : "")
                            + "); this run shows the demo made before");
                }
            }
        } catch (LauncherException e) {
            System.out.println("Demo desktop: not set up (" + e.getMessage() + ")");
            return;
        }
        if (login.isEmpty()) {
            System.out.println("Demo desktop: no built image in "
                    + system.config().imagesStaging() + " (build one with: sudo images/build.sh, then run again)");
            return;
        }
        DemoDesktop.Login l = login.get();
        System.out.println("Demo desktop (user '" + l.user() + "', password " + l.password() + "):");
        System.out.println("  " + system.config().sourceRoot().resolve("qvd-client/target/dist/qvd-client")
                + " --host localhost:" + system.l7rPort() + " --user " + l.user() + "@default"
                + (l.vmId() > 0 ? " --vm " + l.vmId() : "")
                + (java.nio.file.Files.exists(InstallationCa.caCertificate(system.config()))
                        ? " --ca-file " + InstallationCa.caCertificate(system.config())
                        : ""));
        System.out.println();
    }

    private static void printBanner(QvdSystem system) {
        String https = "https://localhost:" + system.httpsPort();
        System.out.println();
        System.out.println("QVD is running (Ctrl-C stops it; desktop VMs "
                + (system.config().stopVmsOnExit()
                        ? "are stopped with it: --stop-vms-on-exit)."
                        : "keep running: --stop-vms-on-exit stops them too)."));
        System.out.println("  Database          " + system.dbUrl());
        System.out.println("  WAT (admin web)   " + https + "/wat/");
        System.out.println("  REST API          " + https + "/api/v1/");
        System.out.println("  L7R (QVD clients) https://localhost:" + system.l7rPort() + "/");
        System.out.println(
                "  Health, metrics   http://127.0.0.1:" + system.managementPort() + "/health/ready, /prometheus");
        System.out.println("  Log in as         superadmin@*");
        if (system.superadminPasswordGenerated()) {
            System.out.println("  Password          "
                    + system.superadminPassword().orElseThrow() + "   <- generated now and shown only once; keep it");
        } else if (system.superadminPassword().isPresent()) {
            System.out.println("  Password          (from QVD_SUPERADMIN_PASSWORD)");
        } else {
            System.out.println("  Password          the one shown at the first run");
        }
        System.out.println("  Local HKD         "
                + system.localHkdLog()
                        .map(log -> "host '" + system.config().hkdHostName() + "' on "
                                + system.config().hkdLibvirtUri() + " (log: " + log + ")")
                        .orElse("not started (QVD_LOCAL_HKD=" + system.config().localHkd()
                                + "; needs the built agent and libvirt)"));
        if (java.nio.file.Files.exists(InstallationCa.caCertificate(system.config()))) {
            System.out.println("  TLS trust         " + InstallationCa.caCertificate(system.config())
                    + " (the installation CA: give it to browsers, clients and agents)");
        }
        System.out.println("  Data              " + system.config().home());
        System.out.println();
    }
}
