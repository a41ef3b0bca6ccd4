package org.qvd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A QVD cluster on one machine (docs/cluster.md): one PostgreSQL (embedded unless {@code QVD_DB_URL} is set), N WildFly
 * nodes running {@code standalone-full-ha.xml} on shifted ports, Debian's HAProxy in front of them on the ports a
 * single system would use, and the local host agent connected to all nodes' brokers. Used by {@code ./qvd cluster}
 * and by the cluster tier.
 * <p>
 * Ports: the balancer takes the installation's ports ({@code QVD_PORT_OFFSET}, 8443 and 9443 by default); node i
 * (0-based) runs with the port offset {@code QVD_PORT_OFFSET + 10 + 50 * i}.
 */
public final class QvdCluster implements AutoCloseable {
    static final int FIRST_NODE_OFFSET = 10;
    static final int NODE_OFFSET_STEP = 50;

    private final LauncherConfig config;
    private EmbeddedDatabase embedded;
    private final String dbUrl;
    private final Optional<SuperadminPassword.Decision> superadmin;
    private final ClusterSecrets secrets;
    private final List<Node> nodes = new ArrayList<>();
    /** Every node of the cluster, also those not started yet (the backup ring is known before the first start). */
    private List<Node> allNodes = List.of();

    private final String hkdPassword;
    private Balancer balancer;
    private LocalHkd localHkd;

    private QvdCluster(
            LauncherConfig config,
            EmbeddedDatabase embedded,
            String dbUrl,
            Optional<SuperadminPassword.Decision> superadmin,
            ClusterSecrets secrets,
            String hkdPassword) {
        this.config = config;
        this.embedded = embedded;
        this.dbUrl = dbUrl;
        this.superadmin = superadmin;
        this.secrets = secrets;
        this.hkdPassword = hkdPassword;
    }

    /**
     * Starts the database, then the nodes one after the other (the first one migrates the schema and creates the
     * superadmin; the next ones join its cluster), then the balancer and the local agent; returns when every node has
     * deployed qvd.ear. Stops what it started if anything fails.
     */
    public static QvdCluster start(LauncherConfig config, int nodeCount) {
        if (nodeCount < 1 || nodeCount > 9) {
            throw new LauncherException("a cluster on one machine has 1 to 9 nodes, not " + nodeCount);
        }
        config.home().resolve("tmp").toFile().mkdirs();
        EmbeddedDatabase embedded = config.externalDbUrl().isPresent() ? null : QvdSystem.startEmbedded(config);
        QvdCluster cluster = null;
        try {
            String dbUrl = config.externalDbUrl().orElseGet(embedded::jdbcUrl);
            Optional<SuperadminPassword.Decision> superadmin = SuperadminPassword.decide(
                    dbUrl, QvdSystem.appUser(config), QvdSystem.appPassword(config), config.superadminPassword());
            ClusterSecrets secrets = ClusterSecrets.load(config.home().resolve("cluster.properties"), config.cluster());
            String hkdPassword = null;
            List<Node> prepared = new ArrayList<>();
            for (int i = 0; i < nodeCount; i++) {
                Node node = new Node(
                        nodeId(i),
                        config.withPortOffset(config.portOffset() + FIRST_NODE_OFFSET + NODE_OFFSET_STEP * i),
                        config.home().resolve("nodes").resolve(nodeId(i)));
                hkdPassword = node.prepare();
                prepared.add(node);
            }
            cluster = new QvdCluster(config, embedded, dbUrl, superadmin, secrets, hkdPassword);
            cluster.allNodes = List.copyOf(prepared);
            for (Node node : prepared) {
                cluster.nodes.add(node);
                cluster.startNode(node, cluster.nodes.size() == 1 ? superadmin : Optional.empty());
            }
            cluster.balancer = Balancer.start(config, cluster.nodes);
            if (!"off".equals(config.localHkd())
                    && LocalHkd.findJar(config.sourceRoot()).isPresent()) {
                cluster.startLocalHkd();
            }
            return cluster;
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            } else if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    static String nodeId(int index) {
        return "node-" + (char) ('a' + index);
    }

    private void startNode(Node node, Optional<SuperadminPassword.Decision> superadminOnce) {
        launch(node, superadminOnce, secrets.clusterPassword(), journalName(backedUpBy(node).id));
        node.server.awaitDeployment(Duration.ofSeconds(config.startTimeoutSeconds()));
    }

    private void launch(
            Node node, Optional<SuperadminPassword.Decision> superadminOnce, String clusterPassword, String backupOf) {
        Map<String, String> sysProps = QvdSystem.systemProperties(node.config, dbUrl);
        sysProps.put("jboss.node.name", node.id);
        sysProps.put("qvd.node.id", node.id);
        sysProps.put("qvd.l7r.node-name", node.id);
        // behind HAProxy (send-proxy): the L7R reads the real client's address from the PROXY line
        sysProps.put("qvd.l7r.proxy-protocol", "true");
        // the node's broker journal in PostgreSQL, and the one other node's journal its idle backup broker takes over
        // when that node dies (docs/cluster.md)
        sysProps.put("qvd.cluster.journal", journalName(node.id));
        sysProps.put("qvd.cluster.backup-of", backupOf);
        Map<String, String> env = QvdSystem.environment(config, superadminOnce);
        env.put("QVD_CLUSTER_PASSWORD", clusterPassword);
        env.put("QVD_API_TOKEN_SECRET", secrets.apiTokenSecret());
        node.server = WildFlyServer.start(node.config, node.baseDir, WildFlyServer.CLUSTER_CONFIG, sysProps, env);
    }

    /**
     * Starts a node that holds a key and certificate of the installation CA, as every node does, but a cluster secret
     * other than the installation's: the cluster must refuse it (docs/cluster.md, JGroups AUTH). It is no member of
     * {@link #nodes()}, runs at the port offset 25 above the first node's, and is not waited for; kill it when done.
     */
    public synchronized Node startWithWrongClusterSecret(String clusterPassword) {
        String id = "stranger";
        Node node = new Node(
                id,
                config.withPortOffset(config.portOffset() + FIRST_NODE_OFFSET + 25),
                config.home().resolve("nodes").resolve(id));
        node.prepare();
        try {
            // nothing to deploy: the refusal comes at boot, when the JGroups channel connects (sooner without the EAR)
            Files.deleteIfExists(node.baseDir.resolve("deployments/qvd.ear"));
        } catch (IOException e) {
            throw new LauncherException("cannot prepare " + node.baseDir + ": " + e.getMessage(), e);
        }
        launch(node, Optional.empty(), clusterPassword, journalName(id));
        return node;
    }

    /** A node's broker journal name: its id made a table-name prefix (at most 8 of a-z, 0-9 and _, docs/cluster.md). */
    static String journalName(String nodeId) {
        String name = nodeId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() <= 8 ? name : name.substring(0, 8);
    }

    /** The node whose journal this node's backup broker guards: the one before it, the first one guards the last. */
    private Node backedUpBy(Node node) {
        List<Node> all = allNodes;
        int i = all.indexOf(node);
        return all.get((i + all.size() - 1) % all.size());
    }

    /** The URL through which the local agent reaches one node's broker (TLS, the installation CA). */
    private String brokerUrl(Node node) {
        return "tcp://127.0.0.1:" + node.httpsPort() + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=https-acceptor"
                + "&sslEnabled=true&trustStorePath=" + BrokerAccess.exportTrust(config)
                + "&trustStorePassword=" + BrokerAccess.TRUST_STORE_PASSWORD + "&trustStoreType=PKCS12";
    }

    /**
     * Starts (or restarts) the local agent with every node's broker in its list, in node order: it connects to the
     * first node that answers and moves to the next one when that node goes away.
     */
    public synchronized void startLocalHkd() {
        startLocalHkd(nodes);
    }

    /** The same with the brokers in the given order (a test puts the agent on a chosen node first). */
    public synchronized void startLocalHkd(List<Node> order) {
        if (localHkd != null && localHkd.isAlive()) {
            localHkd.close();
        }
        Path jar = LocalHkd.findJar(config.sourceRoot())
                .orElseThrow(() -> new LauncherException("the HKD jar is not built (mvn install -DskipTests)"));
        List<String> settings = new ArrayList<>(List.of(
                "host.name=" + config.hkdHostName(),
                "broker.urls="
                        + String.join(",", order.stream().map(this::brokerUrl).toList()),
                "libvirt.uri=" + config.hkdLibvirtUri(),
                "libvirt.domain-type=" + config.hkdDomainType()));
        if (config.softwareEmulation()) {
            settings.add("vma.start-timeout=" + LauncherConfig.TCG_VM_START_SECONDS + "s");
        }
        localHkd = LocalHkd.start(jar, config, settings);
    }

    public synchronized boolean killLocalHkd() {
        if (localHkd == null || !localHkd.isAlive()) {
            return false;
        }
        localHkd.kill();
        return true;
    }

    /**
     * Freezes the local agent (SIGSTOP) as a stalled process would be: its connections stay open but it reads nothing,
     * so a test can change the cluster under it (kill its node, send it commands) before it notices; {@link
     * #thawLocalHkd()} lets it go on.
     */
    public synchronized void freezeLocalHkd() {
        signalLocalHkd("STOP");
    }

    public synchronized void thawLocalHkd() {
        signalLocalHkd("CONT");
    }

    private void signalLocalHkd(String signal) {
        if (localHkd == null || !localHkd.isAlive()) {
            throw new LauncherException("the local agent does not run");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(localHkd.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (kill.waitFor() != 0) {
                throw new LauncherException("kill -" + signal + " of the local agent failed");
            }
        } catch (IOException e) {
            throw new LauncherException("cannot signal the local agent: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while signalling the local agent", e);
        }
    }

    public synchronized Optional<Path> localHkdLog() {
        return Optional.ofNullable(localHkd).map(LocalHkd::log);
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public Node node(String id) {
        return nodes.stream()
                .filter(n -> n.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new LauncherException("no node " + id));
    }

    /**
     * Issues the broker account of another host's agent on EVERY node (one password: the agent may connect to any of
     * them), with that host's rights and command queue in each node's configuration and, on the running nodes, at once
     * through their management CLI. A node started later gets them from its realm file ({@link Node#prepare()}).
     * Returns the password (kept nowhere else).
     */
    public synchronized String issueAgentAccount(String host) {
        return issueAgentAccount(allNodes, host);
    }

    static String issueAgentAccount(List<Node> nodes, String host) {
        String password = SuperadminPassword.generate(24);
        for (Node node : nodes) {
            HkdAccount.issue(node.baseDir.resolve("configuration"), host, password);
            if (node.alive()) {
                BrokerAccess.allowHostNow(node.config, node.managementPort(), host);
            }
        }
        return password;
    }

    /** Starts a node again after {@link Node#kill()} (or a crash) with the same configuration; returns when deployed. */
    public synchronized void restart(Node node) {
        if (node.alive()) {
            throw new LauncherException("node " + node.id + " still runs");
        }
        node.prepare();
        startNode(node, Optional.empty());
    }

    /** Stops a node as an operator would (SIGTERM, graceful), for a rolling restart. */
    public synchronized void stop(Node node) {
        node.server.close();
    }

    public LauncherConfig config() {
        return config;
    }

    /** The balancer's L7R port (QVD clients), TCP with the PROXY protocol to the nodes. */
    public int l7rPort() {
        return config.effective(config.l7rPort());
    }

    /** The balancer's HTTPS port (WAT, REST, SOAP), TCP with the PROXY protocol to the nodes' balancer listener. */
    public int httpsPort() {
        return config.effective(config.httpsPort());
    }

    public Path balancerConfig() {
        return balancer.configFile();
    }

    public String dbUrl() {
        return dbUrl;
    }

    public String dbSuperuser() {
        return config.externalDbUrl().isPresent() ? config.dbUser() : EmbeddedDatabase.SUPERUSER;
    }

    public String dbSuperuserPassword() {
        return config.externalDbUrl().isPresent()
                ? config.dbPassword()
                : EmbeddedDatabase.DbSecrets.loadQuietly(config.home().resolve("db.properties"))
                        .superuserPassword();
    }

    public Optional<String> superadminPassword() {
        return superadmin.map(SuperadminPassword.Decision::password);
    }

    boolean superadminPasswordGenerated() {
        return superadmin.map(SuperadminPassword.Decision::generated).orElse(false);
    }

    /** The installation CA's certificate (PEM): every node's certificate is issued by it. */
    public Path caCertificate() {
        return InstallationCa.caCertificate(config);
    }

    public String hkdBrokerPassword() {
        return hkdPassword;
    }

    @Override
    public void close() {
        LocalHkd hkd;
        synchronized (this) {
            hkd = localHkd;
        }
        if (hkd != null) {
            hkd.close();
        }
        if (balancer != null) {
            balancer.close();
        }
        for (Node node : nodes) {
            if (node.server != null) {
                node.server.close();
            }
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    /** One WildFly node of the cluster: its own base directory under {@code QVD_HOME/nodes/<id>}, its own ports. */
    public static final class Node {
        private final String id;
        private final LauncherConfig config;
        private final Path baseDir;
        private volatile WildFlyServer server;

        Node(String id, LauncherConfig config, Path baseDir) {
            this.id = id;
            this.config = config;
            this.baseDir = baseDir;
        }

        /**
         * Lays out the base directory: configuration, the agent's broker account, a certificate of the installation
         * CA, and the broker settings (rights and command queue) of every host this node's realm has an account for —
         * the local one and those issued by {@link QvdCluster#issueAgentAccount} — since the configuration is copied
         * in fresh at every start. Returns the local agent's broker password.
         */
        String prepare() {
            WildFlyServer.prepare(config, baseDir);
            Path conf = baseDir.resolve("configuration");
            java.util.Set<String> hosts = new java.util.TreeSet<>(HkdAccount.hosts(conf));
            hosts.add(config.hkdHostName());
            for (String host : hosts) {
                BrokerAccess.allowHost(conf.resolve(WildFlyServer.CLUSTER_CONFIG), host);
            }
            InstallationCa.ensureServerCertificate(
                    config,
                    conf.resolve("qvd-tls.p12"),
                    config.tls().keystorePassword(),
                    config.tls().san());
            return HkdAccount.ensure(config.home(), conf, config.hkdHostName());
        }

        public String id() {
            return id;
        }

        /** The node's own HTTPS port (agents' broker, direct admin calls). */
        public int httpsPort() {
            return config.effective(config.httpsPort());
        }

        /** The node's HTTPS listener that expects the PROXY protocol (the balancer's admin backend). */
        public int balancerHttpsPort() {
            return config.effective(9444);
        }

        /** The node's L7R port (expects the PROXY protocol: clients come through the balancer). */
        public int l7rPort() {
            return config.effective(config.l7rPort());
        }

        public int managementPort() {
            return config.effective(9990);
        }

        public int portOffset() {
            return config.portOffset();
        }

        public Path consoleLog() {
            return baseDir.resolve("log/console.log");
        }

        public boolean alive() {
            return server != null && server.isAlive();
        }

        /** SIGKILL to the node's JVM, as a crash would: no goodbye to the cluster, its broker's connections drop. */
        public void kill() {
            server.kill();
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Secrets shared by every node, generated once in {@code QVD_HOME/cluster.properties} (mode 0600). */
    record ClusterSecrets(String clusterPassword, String apiTokenSecret) {
        /** The file's secrets, unless the environment gives its own ({@code overrides}). */
        static ClusterSecrets load(Path file, LauncherConfig.Cluster overrides) {
            try {
                Properties p = HkdAccount.load(file);
                boolean changed = false;
                for (String key : new String[] {"cluster.password", "api.token.secret"}) {
                    if (p.getProperty(key, "").isBlank()) {
                        p.setProperty(key, SuperadminPassword.generate(40));
                        changed = true;
                    }
                }
                if (changed) {
                    HkdAccount.store(file, p, "secrets shared by the cluster's nodes (generated; secret)");
                }
                return new ClusterSecrets(
                        overrides.password().orElse(p.getProperty("cluster.password")),
                        overrides.apiTokenSecret().orElse(p.getProperty("api.token.secret")));
            } catch (IOException e) {
                throw new LauncherException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
