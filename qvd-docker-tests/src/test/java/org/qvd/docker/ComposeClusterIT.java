package org.qvd.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docker/ as an operator uses it: images built from this build's outputs, the compose file up (PostgreSQL, two WildFly
 * cluster nodes, HAProxy, a host agent), then what a client and an admin see through HAProxy (the audit with the
 * client's own address, passed on in the PROXY line) — and HAProxy still
 * serving, and the agent still beating, when a node stops. One compose system for the class; skipped only when no Docker daemon can run here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeClusterIT {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DockerEngine engine;
    private static ComposeCluster cluster;
    private static HttpClient client;

    @BeforeAll
    static void upThroughTheBalancer() throws Exception {
        Path root = Path.of(System.getProperty("qvd.source.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path artifacts = Path.of(System.getProperty("qvd.docker.artifacts", "target/docker-artifacts"));
        engine = DockerEngine.findOrStart(artifacts);
        engine.unavailable().ifPresent(reason -> System.out.println("docker tier skipped: " + reason));
        Assumptions.assumeTrue(
                engine.unavailable().isEmpty(),
                () -> "no Docker daemon: " + engine.unavailable().get());
        cluster = new ComposeCluster(root, artifacts, Integer.getInteger("qvd.docker.port.offset", 700));
        cluster.makeBase();
        cluster.build();
        Instant start = Instant.now();
        cluster.up();
        client = HttpClient.newBuilder()
                .sslContext(trusting(cluster.secret("tls/ca.pem")))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        await("both nodes UP in both HAProxy backends", READY_TIMEOUT, () -> serversUp() == 4);
        System.out.println("FIGURE docker compose up to ready through HAProxy: "
                + Duration.between(start, Instant.now()).toSeconds() + " s");
    }

    @AfterAll
    static void down() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }

    @Test
    @Order(1)
    void theL7rAnswersThroughTheBalancerWithTheInstallationsCertificate() throws Exception {
        // every connection is new: HAProxy (leastconn) spreads them, each node presents the one installation identity
        for (int i = 0; i < 4; i++) {
            HttpClient fresh = HttpClient.newBuilder()
                    .sslContext(trusting(cluster.secret("tls/ca.pem")))
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> ping = fresh.send(
                    get("https://127.0.0.1:" + cluster.l7rPort() + "/qvd/ping"), HttpResponse.BodyHandlers.ofString());
            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.body()).contains("I am alive!");
        }
    }

    @Test
    @Order(2)
    void anAdminSeesTheHostAgentThroughTheBalancer() throws Exception {
        String url = "https://127.0.0.1:" + cluster.httpsPort() + "/api/v1/hosts?name=" + ComposeCluster.HOST;
        await("host " + ComposeCluster.HOST + " running in the admin API", Duration.ofMinutes(2), () -> {
            HttpResponse<String> hosts = client.send(asSuperadmin(url), HttpResponse.BodyHandlers.ofString());
            assertThat(hosts.statusCode()).as(hosts.body()).isEqualTo(200);
            JsonNode items = JSON.readTree(hosts.body()).path("items");
            return items.size() == 1
                    && "running".equals(items.get(0).path("state").asText());
        });
    }

    @Test
    @Order(3)
    void theAuditNamesTheClientsAddressNotTheBalancers() throws Exception {
        // a failed admin login from 127.0.0.2 through HAProxy: the node learns the address from the PROXY line
        String probe = "docker-probe-" + System.nanoTime() + "@default";
        String status = requestFrom(
                "127.0.0.2",
                cluster.httpsPort(),
                "GET /api/v1/administrators/me HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\nAuthorization: Basic "
                        + Base64.getEncoder()
                                .encodeToString((probe + ":wrong-password").getBytes(StandardCharsets.UTF_8))
                        + "\r\nConnection: close\r\n\r\n");
        assertThat(status).contains(" 401 ");
        String audit = "https://127.0.0.1:" + cluster.httpsPort() + "/api/v1/audit?action=admin.login&size=50";
        await("the failed login audited with its source address", Duration.ofSeconds(30), () -> {
            for (JsonNode entry : JSON.readTree(client.send(asSuperadmin(audit), HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("items")) {
                if (entry.toString().contains(probe)) {
                    assertThat(entry.path("sourceAddress").asText()).isEqualTo("127.0.0.2");
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    @Order(4)
    void theBalancerKeepsServingWhenANodeStops() throws Exception {
        cluster.stop("node1");
        Instant stopped = Instant.now();
        await("node1 DOWN in both backends", Duration.ofSeconds(30), () -> serversUp() == 2);
        HttpResponse<String> ping = client.send(
                get("https://127.0.0.1:" + cluster.l7rPort() + "/qvd/ping"), HttpResponse.BodyHandlers.ofString());
        assertThat(ping.statusCode()).isEqualTo(200);
        HttpResponse<String> me = client.send(
                asSuperadmin("https://127.0.0.1:" + cluster.httpsPort() + "/api/v1/administrators/me"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        System.out.println("FIGURE docker node1 stopped -> served by node2 alone: "
                + Duration.between(stopped, Instant.now()).toMillis() + " ms");
        // the host agent moves to node2's broker by itself: its heartbeats go on, the host stays running
        String hosts = "https://127.0.0.1:" + cluster.httpsPort() + "/api/v1/hosts?name=" + ComposeCluster.HOST;
        await("a heartbeat of " + ComposeCluster.HOST + " after node1 stopped", Duration.ofSeconds(60), () -> {
            JsonNode host = JSON.readTree(client.send(asSuperadmin(hosts), HttpResponse.BodyHandlers.ofString())
                            .body())
                    .path("items")
                    .path(0);
            return "running".equals(host.path("state").asText())
                    && Instant.parse(host.path("heartbeatAt").asText()).isAfter(stopped);
        });
        System.out.println("FIGURE docker node1 stopped -> host agent heartbeat through node2: "
                + Duration.between(stopped, Instant.now()).toMillis() + " ms");
    }

    /** One HTTP/1.1 request over TLS from a chosen local address (trusting the installation CA); its status line. */
    private static String requestFrom(String localAddress, int port, String request) throws Exception {
        SSLContext ctx = trusting(cluster.secret("tls/ca.pem"));
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory()
                .createSocket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
            SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    /** Servers HAProxy reports UP, from its statistics (CSV): at most 2 nodes x 2 backends. */
    private static int serversUp() throws Exception {
        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        get("http://127.0.0.1:" + cluster.statsPort() + "/stats;csv"),
                        HttpResponse.BodyHandlers.ofString());
        int up = 0;
        for (String line : csv.body().split("\n")) {
            String[] f = line.split(",");
            if (f.length > 17
                    && (f[0].equals("l7r") || f[0].equals("https"))
                    && f[1].startsWith("node")
                    && f[17].startsWith("UP")) {
                up++;
            }
        }
        return up;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build();
    }

    private static HttpRequest asSuperadmin(String url) {
        String basic = Base64.getEncoder()
                .encodeToString(("superadmin@*:" + cluster.superadminPassword()).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    /** Trusts the installation CA alone (and checks host names): every node's certificate must chain to it. */
    private static SSLContext trusting(String caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(
                "qvd-ca",
                CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static void await(String what, Duration timeout, Callable<Boolean> condition) {
        Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions() // a node still starting refuses or fails the request
                .until(condition);
    }
}
