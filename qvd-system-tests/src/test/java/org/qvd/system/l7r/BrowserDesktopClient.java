package org.qvd.system.l7r;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.qvd.testsupport.TrustAll;

/**
 * The browser desktop's page calls made by a program ({@code /desktop/api/...} and the relay's WebSocket), to any
 * HTTPS port: the server's own, or a {@link org.qvd.testsupport.net.TestNetworkLink} in front of it. Answers ping frames as every browser
 * does (the JDK's WebSocket pongs by itself).
 */
final class BrowserDesktopClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    BrowserDesktopClient(int httpsPort) {
        this.base = "https://localhost:" + httpsPort + "/desktop/";
        this.http = HttpClient.newBuilder()
                .sslContext(TrustAll.context())
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    BrowserDesktopClient login(String login, String password) throws Exception {
        HttpResponse<String> answer =
                post("api/login", JSON.writeValueAsString(Map.of("login", login, "password", password)));
        if (answer.statusCode() != 200) {
            throw new AssertionError("login of " + login + " refused: " + answer.statusCode() + " " + answer.body());
        }
        return this;
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }

    /** Connects to a VM as the page does and waits for its ticket: {@code {id, ticket}}. */
    String[] connect(long vm) throws Exception {
        HttpResponse<String> answer = post("api/vms/" + vm + "/connect?geometry=1024x768&keyboard=us", null);
        if (answer.statusCode() != 202) {
            throw new AssertionError("connect refused: " + answer.statusCode() + " " + answer.body());
        }
        String id = JSON.readTree(answer.body()).path("id").asText();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            JsonNode status = get("api/connections/" + id);
            String phase = status.path("phase").asText();
            if (phase.equals("ready")) {
                return new String[] {id, status.path("ticket").asText()};
            }
            if (phase.equals("ended")) {
                throw new AssertionError("the connect ended: " + status);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no ticket within 60 s");
    }

    /** The relay's WebSocket of a ready connection; what the desktop sends back collects in {@link Relay#received}. */
    Relay relay(String[] ready) throws Exception {
        Relay relay = new Relay();
        WebSocket.Builder builder = http.newWebSocketBuilder().subprotocols("binary");
        cookies.getCookieStore().getCookies().stream()
                .map(Object::toString)
                .reduce((a, b) -> a + "; " + b)
                .ifPresent(cookie -> builder.header("Cookie", cookie));
        relay.socket = builder.buildAsync(
                        URI.create(base.replace("https:", "wss:") + "vnc?c=" + ready[0] + "&t=" + ready[1]), relay)
                .get(30, TimeUnit.SECONDS);
        return relay;
    }

    static final class Relay implements WebSocket.Listener {
        final StringBuffer received = new StringBuffer();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket socket;

        void send(String text) throws Exception {
            socket.sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true)
                    .get(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received.append(new String(bytes, StandardCharsets.UTF_8));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int code, String reason) {
            closed.complete(code + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
