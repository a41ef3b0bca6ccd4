package org.qvd.guest.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.qvd.testsupport.TrustAll;

/**
 * The browser desktop's calls made by hand, as a script in a hostile page could: log in (a cookie of its own), connect,
 * read a ticket, open the relay's WebSocket with any ticket and see how the server closes it.
 */
final class DesktopApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    DesktopApi(int httpsPort) throws Exception {
        this.base = "https://localhost:" + httpsPort + "/desktop/";
        this.http = HttpClient.newBuilder()
                .sslContext(TrustAll.context())
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    DesktopApi login(String login, String password) throws Exception {
        HttpResponse<String> answer =
                post("api/login", JSON.writeValueAsString(Map.of("login", login, "password", password)));
        if (answer.statusCode() != 200) {
            throw new AssertionError("login of " + login + " refused: " + answer.statusCode() + " " + answer.body());
        }
        return this;
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        request.header("Content-Type", "application/json");
        return http.send(
                request.POST(
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
        return ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(answer.body()))
                .put("httpStatus", answer.statusCode());
    }

    /** Connects to a VM and waits until its ticket is there: {@code id} and {@code ticket}. */
    JsonNode connectAndAwaitTicket(long vm, Duration timeout) throws Exception {
        HttpResponse<String> answer = post("api/vms/" + vm + "/connect?geometry=1024x768", null);
        if (answer.statusCode() != 202) {
            throw new AssertionError("connect refused: " + answer.statusCode() + " " + answer.body());
        }
        String id = JSON.readTree(answer.body()).path("id").asText();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode status = get("api/connections/" + id);
            if (status.path("phase").asText().equals("ready")) {
                return status;
            }
            if (status.path("phase").asText().equals("ended")) {
                throw new AssertionError("the connect ended: " + status);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no ticket within " + timeout);
    }

    /**
     * Opens the relay with this connection id and ticket (this client's cookies go with it) and answers how it
     * ended: {@code "closed <code> <reason>"}, or {@code "open"} when bytes of a VNC server came through instead.
     */
    String relay(String connection, String ticket) throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        URI uri = URI.create(base.replace("https:", "wss:") + "vnc?c=" + connection + "&t=" + ticket);
        WebSocket.Builder builder = http.newWebSocketBuilder().subprotocols("binary");
        String cookie = cookies.getCookieStore().getCookies().stream()
                .map(Object::toString)
                .reduce((a, b) -> a + "; " + b)
                .orElse(null);
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        builder.buildAsync(uri, new WebSocket.Listener() {
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
}
