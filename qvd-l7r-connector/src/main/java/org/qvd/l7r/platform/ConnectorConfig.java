package org.qvd.l7r.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.qvd.vmas.platform.ServerConfig;

/**
 * The L7R's settings. Each is read from the system property {@code qvd.l7r.<name>}, else the environment variable
 * {@code QVD_L7R_<NAME>} (dots and dashes become underscores), else the default shown in {@link #defaults()}.
 *
 * @param nodeName        this node's name in connection ids and logs (default: {@code qvd.node.id}, else in the server
 *                        WildFly's node name, else the host name)
 * @param bindAddress     address to listen on ({@code 0.0.0.0})
 * @param port            TLS port for QVD clients (8443; 0 picks a free port, for tests)
 * @param workerThreads   Netty I/O threads (0 = Netty's default, 2 × cores)
 * @param maxHeaderBytes  largest request head (request line + headers) accepted, else {@code 431}
 * @param maxHeaders      most header lines accepted, else {@code 431}
 * @param requestTimeout  longest wait for the first byte of a request (after TLS set-up or the last answer), then
 *                        {@code 408} and close
 * @param headerTimeout   longest wait from a request's first byte to the end of its head (slow senders), then
 *                        {@code 408} and close
 * @param handshakeTimeout TLS handshake limit
 * @param backendTimeout  limit on a synchronous VMAS call (authenticate, list...)
 * @param takeoverTimeout limit on taking a VM over from another connection (QVD: 30 s)
 * @param vmStartTimeout  limit on a VM reaching running (QVD: 270 s)
 * @param sessionTimeout  limit on the X session reaching listening (x_start, provisioning included)
 * @param nxConnectTimeout limit on the TCP connect to the NX agent
 * @param tunnelIdleTimeout close a tunnel with no byte either way for this long (0 = never)
 * @param defaultTenant   tenant of a login without {@code @tenant}
 * @param maxLoginFailures failed logins per login before throttling (per address: 4 ×)
 * @param loginFailureWindow window in which failures count
 * @param loginLock        first lock time once throttled (doubles per further failure, capped at 1 h)
 * @param throttledDelay   delay before a throttled or refused attempt gets its {@code 401}
 * @param progressHeartbeat repeat the last {@code 102} text after this much silence while waiting (0 = never)
 * @param proxyProtocol   expect a PROXY protocol header (v1 or v2) from a TCP load balancer before TLS (false)
 * @param tokenValidity   lifetime of a user token made by {@code create_auth_token} (QVD: 24 h)
 * @param maxConnections  open client connections at most (0 = a quarter of the process's descriptor limit: a
 *                        tunnel holds two descriptors, and the server needs its own); more are closed at once
 * @param maxConnectionsPerAddress open client connections from one address at most (0 = no limit)
 * @param repeatedFailureWindow the same wrong credentials again within this count as one failure (a client's
 *                        automatic retries)
 * @param maxLoginSlowdown the longest delay before a much-failed login's password is checked (per login, any address)
 * @param proxyTrusted    with {@code proxyProtocol}: the balancers' addresses/CIDR blocks whose PROXY header is
 *                        believed ({@link TrustedProxies}); empty = every peer must send one
 */
public record ConnectorConfig(
        String nodeName,
        String bindAddress,
        int port,
        int workerThreads,
        int maxHeaderBytes,
        int maxHeaders,
        Duration requestTimeout,
        Duration handshakeTimeout,
        Duration backendTimeout,
        Duration takeoverTimeout,
        Duration vmStartTimeout,
        Duration sessionTimeout,
        Duration nxConnectTimeout,
        Duration tunnelIdleTimeout,
        String defaultTenant,
        int maxLoginFailures,
        Duration loginFailureWindow,
        Duration loginLock,
        Duration throttledDelay,
        Duration progressHeartbeat,
        boolean proxyProtocol,
        Duration tokenValidity,
        Duration headerTimeout,
        int maxConnections,
        int maxConnectionsPerAddress,
        Duration repeatedFailureWindow,
        Duration maxLoginSlowdown,
        String proxyTrusted) {

    public static ConnectorConfig defaults() {
        return defaults(localHostName(System.getProperty("qvd.node.id", System.getenv("QVD_NODE_ID"))));
    }

    private static ConnectorConfig defaults(String nodeName) {
        return new ConnectorConfig(
                nodeName,
                "0.0.0.0",
                8443,
                0,
                16 * 1024,
                64,
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofSeconds(270),
                Duration.ofSeconds(120),
                Duration.ofSeconds(10),
                Duration.ofMinutes(30),
                "default",
                5,
                Duration.ofMinutes(15),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                Duration.ofSeconds(15),
                false,
                Duration.ofHours(24),
                Duration.ofSeconds(10),
                0,
                100,
                Duration.ofMinutes(5),
                Duration.ofSeconds(16),
                "");
    }

    /**
     * In the server: the defaults overridden by the {@code qvd.l7r.*} settings of the server's one reader
     * ({@link ServerConfig}); the node name defaults to {@code qvd.node.id}, else WildFly's node name.
     */
    public static ConnectorConfig fromServer() {
        return from(
                name -> ServerConfig.text("qvd.l7r." + name).orElse(null),
                defaults(localHostName(ServerConfig.text("qvd.node.id")
                        // else WildFly's own node name: the name the cluster's group (ClusterMembership) knows this
                        // node by, also on a single node, whose local group has that one member. With the host name
                        // here a single node took its own connections for a departed node's at every takeover.
                        .or(() -> Optional.ofNullable(System.getProperty("jboss.node.name"))) // the server's, not ours
                        .orElse(null))));
    }

    /**
     * Outside the server (the bench's stand-alone {@code ConnectorMain}, in this module's test sources): the defaults
     * overridden by {@code qvd.l7r.*} system properties and {@code QVD_L7R_*} variables, as in the server.
     */
    public static ConnectorConfig fromEnvironment() {
        return from(name -> {
            String v = System.getProperty("qvd.l7r." + name);
            return v != null
                    ? v
                    : System.getenv(
                            "QVD_L7R_" + name.toUpperCase().replace('.', '_').replace('-', '_'));
        });
    }

    /** The defaults overridden by the given source (name → value or null); durations in seconds. */
    public static ConnectorConfig from(Function<String, String> source) {
        return from(source, defaults());
    }

    private static ConnectorConfig from(Function<String, String> source, ConnectorConfig d) {
        Settings s = new Settings(source);
        return new ConnectorConfig(
                s.text("node-name", d.nodeName),
                s.text("bind-address", d.bindAddress),
                s.integer("port", d.port),
                s.integer("worker-threads", d.workerThreads),
                s.integer("max-header-bytes", d.maxHeaderBytes),
                s.integer("max-headers", d.maxHeaders),
                s.seconds("request-timeout", d.requestTimeout),
                s.seconds("handshake-timeout", d.handshakeTimeout),
                s.seconds("backend-timeout", d.backendTimeout),
                s.seconds("takeover-timeout", d.takeoverTimeout),
                s.seconds("vm-start-timeout", d.vmStartTimeout),
                s.seconds("session-timeout", d.sessionTimeout),
                s.seconds("nx-connect-timeout", d.nxConnectTimeout),
                s.seconds("tunnel-idle-timeout", d.tunnelIdleTimeout),
                s.text("default-tenant", d.defaultTenant),
                s.integer("max-login-failures", d.maxLoginFailures),
                s.seconds("login-failure-window", d.loginFailureWindow),
                s.seconds("login-lock", d.loginLock),
                s.seconds("throttled-delay", d.throttledDelay),
                s.seconds("progress-heartbeat", d.progressHeartbeat),
                Boolean.parseBoolean(s.text("proxy-protocol", Boolean.toString(d.proxyProtocol))),
                s.seconds("token-validity", d.tokenValidity),
                s.seconds("header-timeout", d.headerTimeout),
                s.integer("max-connections", d.maxConnections),
                s.integer("max-connections-per-address", d.maxConnectionsPerAddress),
                s.seconds("repeated-failure-window", d.repeatedFailureWindow),
                s.seconds("max-login-slowdown", d.maxLoginSlowdown),
                s.text("proxy-trusted", d.proxyTrusted));
    }

    /** {@link #maxConnections}, with 0 resolved from the process's descriptor limit. */
    public int effectiveMaxConnections() {
        if (maxConnections > 0) {
            return maxConnections;
        }
        return (int) Math.max(64, Math.min(Integer.MAX_VALUE, descriptorLimit() / 4));
    }

    /**
     * The process's descriptor limit, through the platform MBean (in WildFly a deployment cannot see
     * {@code com.sun.management} classes); 4096 when it is not known.
     */
    static long descriptorLimit() {
        try {
            Object max = java.lang.management.ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(
                            new javax.management.ObjectName("java.lang:type=OperatingSystem"),
                            "MaxFileDescriptorCount");
            return max instanceof Number n && n.longValue() > 0 ? n.longValue() : 4096;
        } catch (javax.management.JMException | RuntimeException e) {
            return 4096;
        }
    }

    /** Same settings with a different port (tests bind port 0). */
    public ConnectorConfig withPort(int newPort) {
        return new ConnectorConfig(
                nodeName,
                bindAddress,
                newPort,
                workerThreads,
                maxHeaderBytes,
                maxHeaders,
                requestTimeout,
                handshakeTimeout,
                backendTimeout,
                takeoverTimeout,
                vmStartTimeout,
                sessionTimeout,
                nxConnectTimeout,
                tunnelIdleTimeout,
                defaultTenant,
                maxLoginFailures,
                loginFailureWindow,
                loginLock,
                throttledDelay,
                progressHeartbeat,
                proxyProtocol,
                tokenValidity,
                headerTimeout,
                maxConnections,
                maxConnectionsPerAddress,
                repeatedFailureWindow,
                maxLoginSlowdown,
                proxyTrusted);
    }

    /** The resolved values, for the start-up log (there are no secrets among them). */
    public Map<String, Object> summary() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("node", nodeName);
        m.put("address", bindAddress + ":" + port);
        m.put("maxHeaderBytes", maxHeaderBytes);
        m.put("requestTimeout", requestTimeout);
        m.put("headerTimeout", headerTimeout);
        m.put("vmStartTimeout", vmStartTimeout);
        m.put("sessionTimeout", sessionTimeout);
        m.put("tunnelIdleTimeout", tunnelIdleTimeout);
        m.put("defaultTenant", defaultTenant);
        m.put("maxLoginFailures", maxLoginFailures);
        m.put("tokenValidity", tokenValidity);
        m.put("maxConnections", effectiveMaxConnections());
        m.put("maxConnectionsPerAddress", maxConnectionsPerAddress);
        m.put("proxyProtocol", proxyProtocol ? "from " + TrustedProxies.parse(proxyTrusted) : "off");
        return m;
    }

    /** The node's id in a cluster ({@code qvd.node.id} / {@code QVD_NODE_ID}), else the host name. */
    private static String localHostName(String node) {
        if (node != null && !node.isBlank()) {
            return node.trim();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException unknown) {
            return "l7r";
        }
    }

    private record Settings(Function<String, String> source) {
        String text(String name, String dflt) {
            String v = source.apply(name);
            return v == null || v.isBlank() ? dflt : v.trim();
        }

        int integer(String name, int dflt) {
            return Integer.parseInt(text(name, Integer.toString(dflt)));
        }

        Duration seconds(String name, Duration dflt) {
            String v = source.apply(name);
            return v == null || v.isBlank() ? dflt : Duration.ofMillis(Math.round(Double.parseDouble(v.trim()) * 1000));
        }
    }
}
