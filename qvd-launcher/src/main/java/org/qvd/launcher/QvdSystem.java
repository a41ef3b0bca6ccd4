package org.qvd.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system on one machine: PostgreSQL (embedded unless an external URL is configured) and
 * WildFly with qvd.ear. Used by the run command and by the system tests.
 */
public final class QvdSystem implements AutoCloseable {
    private final LauncherConfig config;
    private EmbeddedDatabase embedded;
    private final String dbUrl;
    private final Optional<SuperadminPassword.Decision> superadmin;
    private WildFlyServer server;
    private final String hkdPassword;
    private final Path tlsKeyStore;
    private LocalHkd localHkd;
    private boolean containersOffered;
    /** Hosts whose queue's security setting this system has added (the local host's is in the configuration). */
    private final java.util.Set<String> agentHosts = new java.util.HashSet<>();

    private QvdSystem(
            LauncherConfig config,
            EmbeddedDatabase embedded,
            String dbUrl,
            Optional<SuperadminPassword.Decision> superadmin,
            WildFlyServer server,
            String hkdPassword,
            Path tlsKeyStore) {
        this.config = config;
        this.embedded = embedded;
        this.dbUrl = dbUrl;
        this.superadmin = superadmin;
        this.server = server;
        this.hkdPassword = hkdPassword;
        this.tlsKeyStore = tlsKeyStore;
    }

    /** Starts everything and returns once qvd.ear is deployed; stops what it started if that fails. */
    public static QvdSystem start(LauncherConfig config) {
        config.home().resolve("tmp").toFile().mkdirs();
        EmbeddedDatabase embedded = config.externalDbUrl().isPresent() ? null : startEmbedded(config);
        WildFlyServer server = null;
        try {
            String dbUrl = config.externalDbUrl().orElseGet(embedded::jdbcUrl);
            Optional<SuperadminPassword.Decision> superadmin =
                    SuperadminPassword.decide(dbUrl, appUser(config), appPassword(config), config.superadminPassword());
            Path baseDir = prepareServer(config);
            String hkdPassword =
                    HkdAccount.ensure(config.home(), baseDir.resolve("configuration"), config.hkdHostName());
            server = WildFlyServer.start(config, systemProperties(config, dbUrl), environment(config, superadmin));
            QvdSystem system = new QvdSystem(
                    config,
                    embedded,
                    dbUrl,
                    superadmin,
                    server,
                    hkdPassword,
                    baseDir.resolve("configuration/qvd-tls.p12"));
            server.awaitDeployment(Duration.ofSeconds(config.startTimeoutSeconds()));
            if (system.localHkdWanted()) {
                system.startLocalHkd();
            }
            return system;
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    static Map<String, String> systemProperties(LauncherConfig config, String dbUrl) {
        Map<String, String> sysProps = new LinkedHashMap<>();
        sysProps.put("qvd.db.url", dbUrl);
        sysProps.put("qvd.db.user", appUser(config));
        sysProps.put("qvd.https.port", Integer.toString(config.httpsPort()));
        // the L7R owns its listener (not a WildFly socket binding), so it gets the port with the offset applied
        sysProps.put("qvd.l7r.port", Integer.toString(config.effective(config.l7rPort())));
        sysProps.put("jboss.socket.binding.port-offset", Integer.toString(config.portOffset()));
        sysProps.put("qvd.images.staging", config.imagesStaging().toString());
        sysProps.put("qvd.images.dir", config.imagesDir().toString());
        if (config.softwareEmulation()) {
            // the L7R's own limit on a cold connect's VM start (270 s by default) must not end a connect the VMAS and
            // the agent still wait for: a desktop VM under TCG on a loaded machine takes minutes (DemoDesktop sets
            // the VMAS's limit to the same)
            sysProps.put("qvd.l7r.vm-start-timeout", Integer.toString(LauncherConfig.TCG_VM_START_SECONDS + 60));
        }
        return sysProps;
    }

    /**
     * The server's base directory, with the broker security settings of the local host's agent and of every other
     * host issued an account ({@link #issueAgentAccount}): standalone-full.xml is copied in fresh at every start, so
     * the settings added to the running server would be gone after a restart, and those agents could neither take
     * their commands nor report.
     */
    private static Path prepareServer(LauncherConfig config) {
        Path baseDir = WildFlyServer.prepare(config);
        java.util.Set<String> hosts = new java.util.TreeSet<>(HkdAccount.hosts(baseDir.resolve("configuration")));
        hosts.add(config.hkdHostName());
        for (String host : hosts) {
            BrokerAccess.allowHost(baseDir.resolve("configuration/standalone-full.xml"), host);
        }
        InstallationCa.ensureServerCertificate(
                config,
                baseDir.resolve("configuration/qvd-tls.p12"),
                config.tls().keystorePassword(),
                config.tls().san());
        return baseDir;
    }

    static EmbeddedDatabase startEmbedded(LauncherConfig config) {
        return EmbeddedDatabase.start(
                config.home().resolve("postgres"),
                config.embeddedDbPort(),
                config.home().resolve("db.properties"));
    }

    /** The role WildFly connects as: the embedded database's own application role, or QVD_DB_USER. */
    static String appUser(LauncherConfig config) {
        return config.externalDbUrl().isPresent() ? config.dbUser() : EmbeddedDatabase.APP_ROLE;
    }

    static String appPassword(LauncherConfig config) {
        return config.externalDbUrl().isPresent()
                ? config.dbPassword()
                : secrets(config).appPassword();
    }

    private static EmbeddedDatabase.DbSecrets secrets(LauncherConfig config) {
        return EmbeddedDatabase.DbSecrets.loadQuietly(config.home().resolve("db.properties"));
    }

    static Map<String, String> environment(LauncherConfig config, Optional<SuperadminPassword.Decision> superadmin) {
        Map<String, String> env = new LinkedHashMap<>();
        // secrets travel in the child's environment, never on its command line (visible in ps)
        env.put("QVD_DB_PASSWORD", appPassword(config));
        superadmin.ifPresent(d -> env.put("QVD_SUPERADMIN_PASSWORD", d.password()));
        return env;
    }

    /**
     * The broker URL an HKD on this machine uses: Artemis over TLS, through the HTTP upgrade of WildFly's HTTPS port,
     * trusting the server's certificate alone (exported for the agent at its start; no host name check on loopback).
     */
    public String brokerUrl() {
        return "tcp://127.0.0.1:" + httpsPort() + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor"
                + "&sslEnabled=true&trustStorePath=" + config.home().resolve("hkd/broker-trust.p12")
                + "&trustStorePassword=" + BrokerAccess.TRUST_STORE_PASSWORD + "&trustStoreType=PKCS12";
    }

    /** The trust store agents on this machine use for the broker's TLS (the server's certificate alone). */
    public synchronized Path agentTrustStore() {
        return BrokerAccess.exportTrust(this);
    }

    /**
     * Issues a broker account for another host's agent on this running server, as docs/server.md tells an operator
     * to (realm entry, then the security setting of its queue through the management CLI); returns its password.
     * The account is {@code qvd-hkd-<host>}, the agents' default {@code broker.user}.
     */
    public synchronized String issueAgentAccount(String host) {
        if (host.equals(config.hkdHostName())) {
            agentTrustStore();
            return hkdPassword; // the local host's account exists from the start
        }
        String password = HkdAccount.issue(WildFlyServer.baseDir(config).resolve("configuration"), host);
        if (agentHosts.add(host)) {
            BrokerAccess.allowHostNow(config, managementPort(), host);
        }
        agentTrustStore();
        return password;
    }

    /** The broker account of the local host's agent. */
    public String hkdBrokerUser() {
        return BrokerAccess.account(config.hkdHostName());
    }

    /** Password of the local host agent's broker account ({@link #hkdBrokerUser()}). */
    public String hkdBrokerPassword() {
        return hkdPassword;
    }

    private boolean localHkdWanted() {
        if ("off".equals(config.localHkd())) {
            return false;
        }
        boolean jar = LocalHkd.findJar(config.sourceRoot()).isPresent();
        boolean libvirt =
                config.hkdLibvirtUri().startsWith("test:") || Files.exists(Path.of("/var/run/libvirt/libvirt-sock"));
        if ("on".equals(config.localHkd()) && !(jar && libvirt)) {
            throw new LauncherException(
                    "QVD_LOCAL_HKD=on but " + (jar ? "libvirt is not running" : "the HKD jar is not built"));
        }
        return jar && libvirt;
    }

    /**
     * Starts (or restarts) the local HKD agent, registered as {@code QVD_HKD_HOST_NAME}. One agent per host name:
     * one still running is stopped first, else two would beat for the same host and its loss would go unseen.
     */
    public synchronized void startLocalHkd() {
        if (localHkd != null && localHkd.isAlive()) {
            localHkd.close();
        }
        Path jar = LocalHkd.findJar(config.sourceRoot())
                .orElseThrow(() -> new LauncherException("the HKD jar is not built (mvn install -DskipTests)"));
        agentTrustStore();
        java.util.List<String> settings = new java.util.ArrayList<>(java.util.List.of(
                "host.name=" + config.hkdHostName(),
                "broker.urls=" + brokerUrl(),
                "libvirt.uri=" + config.hkdLibvirtUri(),
                "libvirt.domain-type=" + config.hkdDomainType()));
        if (config.softwareEmulation()) {
            // a guest under QEMU/TCG boots in minutes, not seconds, when the machine is busy
            settings.add("vma.start-timeout=" + LauncherConfig.TCG_VM_START_SECONDS + "s");
        }
        containersOffered = offersContainers(config);
        if (containersOffered) {
            settings.add("kinds=vm,container");
        }
        localHkd = LocalHkd.start(jar, config, settings);
    }

    /**
     * Container desktops (issue 17) where they can run (docs/containers.md; the agent checks its part again): not on
     * libvirt's test driver, whose network filters the containers' network hook cannot bind.
     */
    static boolean offersContainers(LauncherConfig config) {
        return !config.hkdLibvirtUri().startsWith("test:")
                && ContainerHost.local().missing().isEmpty();
    }

    /** Whether the local HKD was started offering container desktops (they outlive the run command, as VMs do). */
    public synchronized boolean localContainers() {
        return containersOffered;
    }

    /** Kills the local HKD as a crash would (no goodbye to the VMAS); false when none runs. */
    public synchronized boolean killLocalHkd() {
        if (localHkd == null || !localHkd.isAlive()) {
            return false;
        }
        localHkd.kill();
        return true;
    }

    /** The process id of the local HKD while it runs. */
    public synchronized Optional<Long> localHkdPid() {
        return Optional.ofNullable(localHkd).filter(LocalHkd::isAlive).map(LocalHkd::pid);
    }

    public synchronized Optional<Path> localHkdLog() {
        return Optional.ofNullable(localHkd).map(LocalHkd::log);
    }

    /** The server's TLS key store (generated at first start unless the operator configured one). */
    public Path tlsKeyStore() {
        return tlsKeyStore;
    }

    public LauncherConfig config() {
        return config;
    }

    public String dbUrl() {
        return dbUrl;
    }

    /**
     * The database's superuser, for the operator's own checks and for tests (the application connects as its own
     * role): {@code postgres} with the password generated in {@code QVD_HOME/db.properties}, or QVD_DB_USER.
     */
    public String dbSuperuser() {
        return config.externalDbUrl().isPresent() ? config.dbUser() : EmbeddedDatabase.SUPERUSER;
    }

    public String dbSuperuserPassword() {
        return config.externalDbUrl().isPresent()
                ? config.dbPassword()
                : secrets(config).superuserPassword();
    }

    /** The role the application connects as (not a superuser on the embedded database). */
    public String dbAppUser() {
        return appUser(config);
    }

    /** The superadmin password handed to the VMAS at this start; empty when an administrator already existed. */
    public Optional<String> superadminPassword() {
        return superadmin.map(SuperadminPassword.Decision::password);
    }

    boolean superadminPasswordGenerated() {
        return superadmin.map(SuperadminPassword.Decision::generated).orElse(false);
    }

    public int httpsPort() {
        return config.effective(config.httpsPort());
    }

    public int l7rPort() {
        return config.effective(config.l7rPort());
    }

    public int managementPort() {
        return config.effective(9990);
    }

    public java.nio.file.Path consoleLog() {
        return server.consoleLog();
    }

    /** Blocks until WildFly exits on its own; returns its exit code. */
    int awaitServerExit() throws InterruptedException {
        return server.waitFor();
    }

    // --- faults, for the faults tier: each one as a crash or an operator would cause it -------------------------

    /** Stops the embedded PostgreSQL (fast shutdown, as an operator's {@code pg_ctl stop} would); WildFly keeps running. */
    public synchronized void stopDatabase() {
        if (embedded == null) {
            throw new LauncherException("the database is external (QVD_DB_URL): stop it yourself");
        }
        embedded.close();
        embedded = null;
    }

    /** Starts the embedded PostgreSQL again on the same data directory and port. */
    public synchronized void startDatabase() {
        if (config.externalDbUrl().isPresent() || embedded != null) {
            return;
        }
        embedded = startEmbedded(config);
    }

    /** Kills WildFly's JVM with SIGKILL (and so its embedded broker), as the OOM killer or a power loss would. */
    public synchronized void killServer() {
        server.kill();
    }

    /**
     * Starts WildFly again after {@link #killServer()} (or a crash) with the same configuration, and returns once
     * qvd.ear is deployed; the superadmin password is not handed again (the administrator exists).
     */
    public synchronized void restartServer() {
        if (server.isAlive()) {
            throw new LauncherException("WildFly still runs");
        }
        prepareServer(config);
        server = WildFlyServer.start(config, systemProperties(config, dbUrl), environment(config, Optional.empty()));
        server.awaitDeployment(Duration.ofSeconds(config.startTimeoutSeconds()));
    }

    /** Whether WildFly's process runs. */
    public synchronized boolean serverAlive() {
        return server.isAlive();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (localHkd != null) {
                localHkd.close();
            }
        }
        WildFlyServer running;
        EmbeddedDatabase database;
        synchronized (this) {
            running = server;
            database = embedded;
            embedded = null;
        }
        running.close();
        if (database != null) {
            database.close();
        }
    }
}
