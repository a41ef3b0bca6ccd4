package org.qvd.launcher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code qvd run}: starts the whole system on one machine and stops it on Ctrl-C.
 * PostgreSQL (embedded unless QVD_DB_URL is set) first, then WildFly with qvd.ear.
 */
public final class QvdLauncher {

    private QvdLauncher() {
    }

    public static void main(String[] args) {
        try {
            run(LauncherConfig.fromEnvironment(System.getenv()));
        } catch (LauncherException e) {
            System.err.println("qvd: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(LauncherConfig config) {
        System.setProperty("java.io.tmpdir", config.home().resolve("tmp").toString());
        config.home().resolve("tmp").toFile().mkdirs();

        EmbeddedDatabase embedded = config.externalDbUrl().isPresent() ? null
                : EmbeddedDatabase.start(config.home().resolve("postgres"), config.embeddedDbPort());
        String dbUrl = config.externalDbUrl().orElseGet(embedded::jdbcUrl);
        System.out.println("qvd: PostgreSQL " + (embedded != null ? "(embedded, data in " + config.home().resolve("postgres") + ")" : "(external)") + " at " + dbUrl);

        Optional<SuperadminPassword.Decision> superadmin =
                SuperadminPassword.decide(dbUrl, config.dbUser(), config.dbPassword(), config.superadminPassword());

        Map<String, String> sysProps = new LinkedHashMap<>();
        sysProps.put("qvd.db.url", dbUrl);
        sysProps.put("qvd.db.user", config.dbUser());
        sysProps.put("qvd.https.port", Integer.toString(config.httpsPort()));
        sysProps.put("qvd.l7r.port", Integer.toString(config.l7rPort()));
        Map<String, String> env = new LinkedHashMap<>();
        // secrets travel in the child's environment, never on its command line (visible in ps)
        env.put("QVD_DB_PASSWORD", config.dbPassword());
        superadmin.ifPresent(d -> env.put("QVD_SUPERADMIN_PASSWORD", d.password()));

        WildFlyServer server = WildFlyServer.start(config, sysProps, env);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("qvd: stopping WildFly and PostgreSQL...");
            server.close();
            if (embedded != null) {
                embedded.close();
            }
            System.out.println("qvd: stopped.");
        }, "qvd-shutdown"));
        System.out.println("qvd: starting WildFly (log: " + server.consoleLog() + ")...");
        server.awaitDeployment(Duration.ofSeconds(config.startTimeoutSeconds()));
        printBanner(config, superadmin);
        try {
            int code = server.waitFor();
            System.err.println("qvd: WildFly exited with code " + code + ", see " + server.consoleLog());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printBanner(LauncherConfig config, Optional<SuperadminPassword.Decision> superadmin) {
        String https = "https://localhost:" + config.httpsPort();
        System.out.println();
        System.out.println("QVD is running (Ctrl-C stops it).");
        System.out.println("  WAT (admin web)   " + https + "/wat/");
        System.out.println("  REST API          " + https + "/api/v1/");
        System.out.println("  L7R (QVD clients) https://localhost:" + config.l7rPort() + "/");
        if (superadmin.isPresent()) {
            SuperadminPassword.Decision d = superadmin.get();
            System.out.println("  Log in as         superadmin@*");
            if (d.generated()) {
                System.out.println("  Password          " + d.password() + "   <- generated now and shown only once; keep it");
            } else {
                System.out.println("  Password          (from QVD_SUPERADMIN_PASSWORD)");
            }
        } else {
            System.out.println("  Log in as         superadmin@* with the password shown at the first run");
        }
        System.out.println("  Data              " + config.home());
        System.out.println();
    }
}
