package org.qvd.guest.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The REST API as the superadmin (the test trusts the server's self-signed certificate). */
public final class Admin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String base;
    private final String authorization;

    Admin(int httpsPort, String password) {
        this.http = HttpClient.newBuilder().sslContext(trustAll()).connectTimeout(Duration.ofSeconds(10)).build();
        this.base = "https://localhost:" + httpsPort + "/api/v1";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(("superadmin@*:" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), 200);
    }

    /** POST with an empty body (the VM actions); fails unless the status is {@code expected}. */
    public JsonNode post(String path, int expected) {
        return send("POST", path, HttpRequest.BodyPublishers.noBody(), expected);
    }

    public JsonNode vm(long id) {
        return get("/vms/" + id);
    }

    public JsonNode host(String name) {
        for (JsonNode h : get("/hosts?name=" + name + "&size=50").get("items")) {
            if (name.equals(h.path("name").asText())) {
                return h;
            }
        }
        throw new AssertionError("no host " + name);
    }

    private JsonNode send(String method, String path, HttpRequest.BodyPublisher body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body)
                .header("Authorization", authorization).header("Accept", "application/json")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
