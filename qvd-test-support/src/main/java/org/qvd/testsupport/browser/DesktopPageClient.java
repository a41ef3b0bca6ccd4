package org.qvd.testsupport.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import javax.net.ssl.SSLContext;
import org.qvd.testsupport.TrustAll;

/**
 * The browser desktop page's calls made by a program ({@code /desktop/api/...} and the relay's WebSocket), to any
 * HTTPS port: the server's own, or a {@link org.qvd.testsupport.net.TestNetworkLink} in front of it. It logs in with a
 * cookie of its own as the page does, and can also do what a script in a hostile page could (any ticket, any
 * connection). Its WebSocket answers ping frames as every browser does (the JDK's pongs by itself).
 */
public final class DesktopPageClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    /** A connection whose ticket is there: what the page hands to noVNC. */
    public record Ready(String id, String ticket) {}

    /** To a server on this machine, whatever certificate it presents. */
    public DesktopPageClient(int httpsPort) {
        this(httpsPort, TrustAll.context());
    }

    /** To a server on this machine that must present a certificate this context trusts (an installation's CA). */
    public DesktopPageClient(int httpsPort, SSLContext trust) {
        this.base = "https://localhost:" + httpsPort + "/desktop/";
        this.http = HttpClient.newBuilder()
                .sslContext(trust)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public DesktopPageClient login(String login, String password) throws Exception {
        HttpResponse<String> answer =
                post("api/login", JSON.writeValueAsString(Map.of("login", login, "password", password)));
        if (answer.statusCode() != 200) {
            throw new AssertionError("login of " + login + " refused: " + answer.statusCode() + " " + answer.body());
        }
        return this;
    }

    /** A POST of this JSON body ({@code null}: none) to a path below {@code /desktop/}. */
    public HttpResponse<String> post(String path, String json) throws Exception {
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

    /** A GET of a path below {@code /desktop/}: the JSON answer; an object gets its status as {@code httpStatus}. */
    public JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        return body instanceof ObjectNode object ? object.put("httpStatus", answer.statusCode()) : body;
    }

    /** Connects to a VM as the page does (these query parameters) and waits until its ticket is there. */
    public Ready connect(long vm, String query, Duration timeout) throws Exception {
        HttpResponse<String> answer = post("api/vms/" + vm + "/connect?" + query, null);
        if (answer.statusCode() != 202) {
            throw new AssertionError("connect refused: " + answer.statusCode() + " " + answer.body());
        }
        String id = JSON.readTree(answer.body()).path("id").asText();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode status = get("api/connections/" + id);
            String phase = status.path("phase").asText();
            if (phase.equals("ready")) {
                return new Ready(id, status.path("ticket").asText());
            }
            if (phase.equals("ended")) {
                throw new AssertionError("the connect ended: " + status);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no ticket within " + timeout);
    }

    /** The relay's WebSocket of a ready connection; what the desktop sends back collects in {@link Relay#received}. */
    public Relay relay(Ready ready) throws Exception {
        Relay relay = new Relay();
        relay.socket = relayBuilder().buildAsync(relayUri(ready), relay).get(30, TimeUnit.SECONDS);
        return relay;
    }

    /**
     * Opens the relay with any connection id and ticket (this client's cookies go with it) and answers how it ended:
     * {@code "closed <code> <reason>"}, or {@code "open"} when bytes of a VNC server came through instead.
     */
    public String relayOutcome(Ready attempt) throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        relayBuilder()
                .buildAsync(relayUri(attempt), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
                        outcome.complete("open");
                        socket.abort();
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                        outcome.complete("closed " + code + " " + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        outcome.complete("error " + error);
                    }
                })
                .exceptionally(error -> {
                    outcome.complete("handshake failed " + error);
                    return null;
                });
        return outcome.get(60, TimeUnit.SECONDS);
    }

    private URI relayUri(Ready ready) {
        return URI.create(base.replace("https:", "wss:") + "vnc?c=" + ready.id() + "&t=" + ready.ticket());
    }

    private WebSocket.Builder relayBuilder() {
        WebSocket.Builder builder = http.newWebSocketBuilder().subprotocols("binary");
        cookies.getCookieStore().getCookies().stream()
                .map(Object::toString)
                .reduce((a, b) -> a + "; " + b)
                .ifPresent(cookie -> builder.header("Cookie", cookie));
        return builder;
    }

    /** An open relay: what the desktop sent, and how the relay was closed. */
    public static final class Relay implements WebSocket.Listener {
        public final StringBuffer received = new StringBuffer();
        public final CompletableFuture<String> closed = new CompletableFuture<>();
        private WebSocket socket;

        /** Waits until the desktop has sent this text (the relay's bytes as UTF-8). */
        public void awaitReceived(String text, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (received.indexOf(text) < 0 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            if (received.indexOf(text) < 0) {
                throw new AssertionError("the relay did not bring '" + text + "' within " + timeout + ": " + received);
            }
        }

        public void send(String text) throws Exception {
            socket.sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true)
                    .get(10, TimeUnit.SECONDS);
        }

        /** Closes the relay as a page that leaves does. */
        public void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
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
