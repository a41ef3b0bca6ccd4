package org.qvd.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.cluster.platform.Admin;
import org.qvd.cluster.platform.Db;
import org.qvd.cluster.platform.RunningCluster;
import org.qvd.launcher.QvdCluster;

/**
 * The L7R's login throttle counts failures across the nodes: guesses of one login from one client address, spread
 * over node A and node B (each node's L7R port reached directly, with the PROXY line HAProxy would send naming the
 * client), lock that login from that address on both nodes, and the lock is visible in the installation's database.
 */
@ExtendWith(RunningCluster.class)
class L7rThrottleAcrossNodesIT {

    @Test
    void failuresSpreadOverBothNodesLockTheLoginOnBoth(QvdCluster cluster) throws Exception {
        List<QvdCluster.Node> nodes = cluster.nodes();
        ClusterFailoverIT.awaitTrue(
                "both nodes up", Duration.ofMinutes(5), () -> nodes.stream().allMatch(QvdCluster.Node::alive));
        String login = Admin.unique("guess") + "@default";
        String client = "198.51.100." + (1 + (int) (System.nanoTime() % 200));
        // max-login-failures (5) of one login from one address, alternating nodes: A B A B A
        for (int i = 0; i < 5; i++) {
            assertThat(list(cluster, nodes.get(i % 2), client, login, "wrong-" + i))
                    .isEqualTo(401);
        }
        // the sixth attempt on node B is refused without a password check: B counted A's failures too
        assertThat(list(cluster, nodes.get(1), client, login, "wrong-5")).isEqualTo(401);
        ClusterFailoverIT.awaitTrue(
                "node B logs the lock",
                Duration.ofSeconds(20),
                () -> read(nodes.get(1).consoleLog()).contains("Login throttled: '" + login + "' from " + client));
        assertThat(read(nodes.get(0).consoleLog())).contains("Login failed: '" + login + "' from " + client);
        assertThat(new Db(cluster).query("SELECT count(*) FROM l7r_login_throttle WHERE locked_until > now()"))
                .isNotEqualTo("0");
    }

    /** The Perl client's {@code list_of_vm} on the node's own L7R port, behind a PROXY v1 line naming the client. */
    private static int list(QvdCluster cluster, QvdCluster.Node node, String client, String login, String password)
            throws IOException {
        Socket tcp = new Socket();
        tcp.connect(new InetSocketAddress("127.0.0.1", node.l7rPort()), 10_000);
        tcp.getOutputStream()
                .write(("PROXY TCP4 " + client + " 127.0.0.1 40000 8443\r\n").getBytes(StandardCharsets.US_ASCII));
        try (SSLSocket tls = (SSLSocket) Admin.trusting(cluster.caCertificate())
                .getSocketFactory()
                .createSocket(tcp, "localhost", node.l7rPort(), true)) {
            tls.setSoTimeout(60_000);
            OutputStream out = tls.getOutputStream();
            String basic =
                    Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
            out.write(("GET /qvd/list_of_vm? HTTP/1.1\r\nAuthorization: Basic " + basic
                            + "\r\nAccept: application/json\r\nUser-Agent: QVD::HTTPC/0.01 (linux)\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = tls.getInputStream();
            StringBuilder status = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                status.append((char) c);
            }
            return Integer.parseInt(status.toString().split(" ")[1]);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
