package org.qvd.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of the cluster's nodes (docs/cluster.md "The balancer"), run in the foreground with a
 * configuration written here at every start ({@code QVD_HOME/haproxy/haproxy.cfg}). Both frontends are TCP: TLS ends
 * on the nodes, which all present a certificate of the installation CA, and each connection starts with a PROXY
 * protocol line so the nodes see the real client's address.
 */
final class Balancer implements AutoCloseable {
    private final Process process;
    private final Path configFile;

    private Balancer(Process process, Path configFile) {
        this.process = process;
        this.configFile = configFile;
    }

    static Balancer start(LauncherConfig config, List<QvdCluster.Node> nodes) {
        Path dir = config.home().resolve("haproxy");
        Path cfg = dir.resolve("haproxy.cfg");
        try {
            Files.createDirectories(dir);
            Files.writeString(cfg, configuration(config, nodes));
            String haproxy = config.cluster().haproxy();
            if (!Files.isExecutable(Path.of(haproxy))) {
                throw new LauncherException(
                        "HAProxy not found at " + haproxy + " (apt-get install haproxy, or QVD_HAPROXY)");
            }
            Process process = new ProcessBuilder(haproxy, "-db", "-f", cfg.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("haproxy.log").toFile()))
                    .start();
            Balancer balancer = new Balancer(process, cfg);
            balancer.awaitListening(config.effective(config.l7rPort()), Duration.ofSeconds(20));
            return balancer;
        } catch (IOException e) {
            throw new LauncherException("cannot start HAProxy: " + e.getMessage(), e);
        }
    }

    /**
     * The L7R backend checks {@code GET /qvd/ping} over TLS with a PROXY line (the nodes' L7R expects one); the admin
     * backend checks readiness on the node's management port. A node that stops answering is out within ~2 s, and a
     * connection refused by a dead node is retried on another one ({@code redispatch}).
     */
    static String configuration(LauncherConfig config, List<QvdCluster.Node> nodes) {
        StringBuilder l7r = new StringBuilder();
        StringBuilder admin = new StringBuilder();
        for (QvdCluster.Node node : nodes) {
            l7r.append("    server ")
                    .append(node.id())
                    .append(" 127.0.0.1:")
                    .append(node.l7rPort())
                    .append(" send-proxy check check-ssl verify none check-send-proxy\n");
            admin.append("    server ")
                    .append(node.id())
                    .append(" 127.0.0.1:")
                    .append(node.balancerHttpsPort())
                    .append(" send-proxy check port ")
                    .append(node.managementPort())
                    .append("\n");
        }
        return """
                # Written by qvd-launcher at every start of the cluster (docs/cluster.md). TCP both ways: TLS ends on the nodes.
                global
                    maxconn 4000
                defaults
                    mode tcp
                    option redispatch
                    retries 3
                    timeout connect 3s
                    timeout client 1h
                    timeout server 1h
                    timeout check 2s
                    default-server inter 1s fall 2 rise 2

                frontend qvd-l7r
                    bind 127.0.0.1:%d
                    default_backend qvd-l7r
                backend qvd-l7r
                    balance leastconn
                    option httpchk
                    http-check send meth GET uri /qvd/ping ver HTTP/1.1 hdr Host qvd
                    http-check expect status 200
                %s
                frontend qvd-admin
                    bind 127.0.0.1:%d
                    default_backend qvd-admin
                backend qvd-admin
                    # an admin's browser stays on one node while it runs (its WAT session lives there first)
                    balance source
                    option httpchk
                    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host qvd
                    http-check expect status 200
                %s""".formatted(config.effective(config.l7rPort()), l7r, config.effective(config.httpsPort()), admin);
    }

    Path configFile() {
        return configFile;
    }

    private void awaitListening(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LauncherException("HAProxy exited with code " + process.exitValue() + ", see "
                        + configFile.resolveSibling("haproxy.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new LauncherException("interrupted while waiting for HAProxy");
                }
            }
        }
        throw new LauncherException("HAProxy does not listen on " + port + " after " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
