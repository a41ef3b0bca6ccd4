package org.qvd.system.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.TrustAll;

/** A small REST client for the tests: one administrator's credentials, JSON in and out. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** Generous connect timeout: the first requests meet a server still warming up on a busy 2-core machine. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .sslContext(TrustAll.context())
            .connectTimeout(java.time.Duration.ofSeconds(60))
            .build();

    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Api superadmin(QvdSystem system) {
        return basic(system, "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD);
    }

    public static Api basic(QvdSystem system, String login, String password) {
        String token = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(root(system) + "/api/v1", "Basic " + token);
    }

    public static Api bearer(QvdSystem system, String token) {
        return new Api(root(system) + "/api/v1", "Bearer " + token);
    }

    public static Api anonymous(QvdSystem system) {
        return new Api(root(system) + "/api/v1", null);
    }

    public static String root(QvdSystem system) {
        return "https://localhost:" + system.httpsPort();
    }

    /** A name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A response: status, body as JSON (null when empty or not JSON), and the raw response. */
    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public long id() {
            return body.get("id").asLong();
        }
    }

    public Reply get(String path) {
        return send(builder(path).GET());
    }

    public Reply delete(String path) {
        return send(builder(path).DELETE());
    }

    public Reply post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(json(body)));
    }

    public Reply put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(json(body)));
    }

    public Reply patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", json(body)));
    }

    public Reply postRaw(String path, String contentType, byte[] body) {
        return send(
                builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!r.body().isEmpty() && type.contains("json")) {
                body = JSON.readTree(r.body());
            }
            return new Reply(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
