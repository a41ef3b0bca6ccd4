package org.qvd.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.cluster.platform.Admin;
import org.qvd.cluster.platform.Db;
import org.qvd.cluster.platform.L7rClient;
import org.qvd.cluster.platform.RunningCluster;
import org.qvd.launcher.QvdCluster;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.StandInDesktop;

/**
 * The browser desktop (docs/browser.md) in the cluster: the page's calls and its WebSocket go through the balancer
 * (source-address balancing keeps them on one node), the node relays the desktop's bytes to the VM's (stand-in)
 * desktop, and an NX client connecting to the OTHER node takes the session over: it gets the same session, and the
 * browser's relay is closed with the takeover code and says why. The VM's guest is a stand-in (named so: no guest in
 * this tier) whose {@code vnc_start} answers its one session's port.
 */
@ExtendWith(RunningCluster.class)
class BrowserDesktopClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBrowserDesktopThroughTheBalancerIsTakenOverByAClientOfTheOtherNode(QvdCluster cluster) throws Exception {
        QvdCluster.Node a = cluster.nodes().get(0);
        Admin admin = new Admin(cluster.caCertificate(), a.httpsPort());
        Admin.User user = admin.user();
        long vm = admin.vm(user);
        Db db = new Db(cluster);
        try (StandInDesktop desktop = StandInDesktop.start(
                        StandInDesktop.Vma.PROVISION_THEN_RESUME, StandInDesktop.Nx.ONE_SESSION)
                .runningAs(db.row(vm))) {
            CookieManager cookies = new CookieManager();
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(Admin.trusting(cluster.caCertificate()))
                    .cookieHandler(cookies)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String base = "https://localhost:" + cluster.httpsPort() + "/desktop/";
            assertThat(post(http, base + "api/login", Map.of("login", user.login(), "password", Admin.USER_PASSWORD))
                            .statusCode())
                    .as("the page's login through the balancer")
                    .isEqualTo(200);
            HttpResponse<String> connect = post(http, base + "api/vms/" + vm + "/connect?geometry=1024x768", null);
            assertThat(connect.statusCode()).as(connect.body()).isEqualTo(202);
            String id = JSON.readTree(connect.body()).path("id").asText();
            JsonNode ready = awaitTicket(http, base, id);

            Relay relay = new Relay();
            String cookie = cookies.getCookieStore().getCookies().stream()
                    .map(Object::toString)
                    .reduce((x, y) -> x + "; " + y)
                    .orElseThrow();
            WebSocket socket = http.newWebSocketBuilder()
                    .subprotocols("binary")
                    .header("Cookie", cookie)
                    .buildAsync(
                            URI.create(base.replace("https:", "wss:") + "vnc?c=" + id + "&t="
                                    + ready.path("ticket").asText()),
                            relay)
                    .get(30, TimeUnit.SECONDS);
            relay.await("SESSION[]");
            socket.sendBinary(ByteBuffer.wrap("typed-in-the-browser;".getBytes(StandardCharsets.UTF_8)), true);
            relay.await("typed-in-the-browser;");
            String relaying = db.query("SELECT last_connection_node FROM vm_runtime WHERE vm_id = ?", vm);
            QvdCluster.Node other = cluster.nodes().stream()
                    .filter(n -> !n.id().equals(relaying))
                    .findFirst()
                    .orElseThrow();
            System.out.println("browser desktop relayed by node " + relaying + "; an NX client on " + other.id());

            long asked = System.nanoTime();
            try (L7rWire nx = L7rClient.toNode(cluster.caCertificate(), other.l7rPort(), "127.0.0.31")) {
                nx.send(L7rWire.connectRequest(vm, user.login(), Admin.USER_PASSWORD));
                List<L7rWire.Response> answers = nx.readUntilFinal();
                assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
                assertThat(nx.readUntil("typed-in-the-browser;"))
                        .as("the NX client resumed the browser's session")
                        .contains("typed-in-the-browser;");
                assertThat(relay.closed.get(15, TimeUnit.SECONDS))
                        .as("the browser's relay on the other node was closed as taken over")
                        .startsWith("4001");
                System.out.println("NX client on node " + other.id() + " took the browser desktop over: relay closed "
                        + (System.nanoTime() - asked) / 1_000_000 + " ms after its request");
                JsonNode status = JSON.readTree(http.send(
                                HttpRequest.newBuilder(URI.create(base + "api/connections/" + id))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                assertThat(status.path("reason").asText())
                        .as("what the page shows")
                        .contains("taken over");
            }
        }
    }

    private static JsonNode awaitTicket(HttpClient http, String base, String id) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < end) {
            status = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(base + "api/connections/" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            if (status.path("phase").asText().equals("ready")) {
                return status;
            }
            assertThat(status.path("phase").asText()).as("%s", status).isNotEqualTo("ended");
            Thread.sleep(250);
        }
        throw new AssertionError("no ticket within 60 s: " + status);
    }

    private static HttpResponse<String> post(HttpClient http, String url, Object body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What the relay sent the browser so far, and how it closed. */
    private static final class Relay implements WebSocket.Listener {
        private final StringBuffer received = new StringBuffer();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            received.append(StandardCharsets.UTF_8.decode(data));
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.complete(code + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete("error " + error);
        }

        void await(String text) throws InterruptedException {
            for (int i = 0; i < 100 && received.indexOf(text) < 0; i++) {
                Thread.sleep(100);
            }
            assertThat(received.toString())
                    .as("what the relay sent the browser")
                    .contains(text);
        }
    }
}
