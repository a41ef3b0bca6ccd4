package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.LogCapture;
import org.qvd.testsupport.RequiredResource;

/**
 * The L7R behind a real HAProxy (Debian's {@code /usr/sbin/haproxy}) in TCP mode, once with {@code send-proxy}
 * (v1) and once with {@code send-proxy-v2}: the client connects from 127.0.0.2, HAProxy reaches the L7R from
 * 127.0.0.3 (the one trusted balancer); the VMAS and the L7R's log lines see 127.0.0.2. Skipped, saying why, where
 * HAProxy is not installed.
 */
class BehindRealHaproxyWithStandInBackendTest extends StandInBackendFixture {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private Process haproxy;
    private Path config;
    private LogCapture log;

    @Override
    void customize() {
        settings.put("proxy-protocol", "true");
        settings.put("proxy-trusted", "127.0.0.3");
        log = LogCapture.of(QvdRequestHandler.class);
    }

    @AfterEach
    void stopHaproxy() throws Exception {
        log.close();
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        if (config != null) {
            Files.deleteIfExists(config);
        }
    }

    /** Starts HAProxy with one TCP frontend per header version; answers the frontends' addresses (v1, v2). */
    private List<InetSocketAddress> startHaproxy() throws Exception {
        RequiredResource.executable(HAPROXY, "haproxy");
        int v1 = freePort();
        int v2 = freePort();
        String server = "127.0.0.1:" + address.getPort();
        config = Files.createTempFile("qvd-haproxy", ".cfg");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "defaults",
                        "  mode tcp",
                        "  timeout connect 5s",
                        "  timeout client 30s",
                        "  timeout server 30s",
                        "frontend v1",
                        "  bind 127.0.0.1:" + v1,
                        "  default_backend l7r_v1",
                        "frontend v2",
                        "  bind 127.0.0.1:" + v2,
                        "  default_backend l7r_v2",
                        "backend l7r_v1",
                        "  server l7r " + server + " send-proxy source 127.0.0.3",
                        "backend l7r_v2",
                        "  server l7r " + server + " send-proxy-v2 source 127.0.0.3",
                        ""));
        haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<InetSocketAddress> frontends =
                List.of(new InetSocketAddress("127.0.0.1", v1), new InetSocketAddress("127.0.0.1", v2));
        for (InetSocketAddress f : frontends) {
            awaitListening(f);
        }
        return frontends;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private void awaitListening(InetSocketAddress frontend) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(frontend, 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !haproxy.isAlive()) {
                    throw new AssertionError(
                            "HAProxy did not listen on " + frontend + " (alive: " + haproxy.isAlive() + ")", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void theVmasAndTheLogSeeTheClientsAddressThroughHaproxyWithV1AndV2() throws Exception {
        List<InetSocketAddress> frontends = startHaproxy();
        InetSocketAddress client = new InetSocketAddress("127.0.0.2", 0);
        for (InetSocketAddress frontend : frontends) {
            try (L7rWire c = RawClient.withHeader(frontend, null, client)) {
                assertThat(c.send(perlList(ALICE_BASIC)).read().status()).isEqualTo(200);
            }
            try (L7rWire c = RawClient.withHeader(frontend, null, client)) {
                assertThat(c.send(perlList("Basic "
                                        + java.util.Base64.getEncoder().encodeToString("alice:wrong".getBytes())))
                                .read()
                                .status())
                        .isEqualTo(401);
            }
        }
        assertThat(backend.authSources).hasSize(4).containsOnly(InetAddress.getByName("127.0.0.2"));
        assertThat(log.lines())
                .filteredOn(l -> l.startsWith("Login failed: 'alice@default'"))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).contains(" from 127.0.0.2 "));
    }
}
