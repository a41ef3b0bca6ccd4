package org.qvd.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The launcher's own REST client for its first-run setup: it trusts exactly the server's certificate (read
 * from the server's key store), and signs in as the superadmin whose password this start decided.
 */
final class AdminApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String authorization;

    AdminApi(QvdSystem system, String superadminPassword) {
        this.http = HttpClient.newBuilder().sslContext(trusting(system.tlsKeyStore()))
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.base = "https://localhost:" + system.httpsPort() + "/api/v1";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("superadmin@*:" + superadminPassword).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonNode post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new LauncherException("cannot encode " + body + ": " + e.getMessage(), e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest r = request.header("Authorization", authorization).header("Accept", "application/json")
                .timeout(Duration.ofMinutes(5)).build();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                JsonNode problem = response.body().isBlank() ? null : JSON.readTree(response.body());
                String detail = problem != null && problem.has("detail") ? problem.get("detail").asText() : response.body();
                throw new LauncherException(r.method() + " " + r.uri().getPath() + " answered " + response.statusCode()
                        + ": " + detail);
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new LauncherException(r.method() + " " + r.uri().getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", e);
        }
    }

    private static SSLContext trusting(Path keyStore) {
        String password = System.getenv().getOrDefault("QVD_TLS_KEYSTORE_PASSWORD", "changeit");
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new LauncherException("cannot read the server's key store " + keyStore + ": " + e.getMessage(), e);
        }
    }
}
