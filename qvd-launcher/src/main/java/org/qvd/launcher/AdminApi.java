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
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The launcher's own REST client for its first-run setup: it trusts exactly the server's certificate (read
 * from the server's key store), and signs in as the superadmin whose password this start decided.
 */
public final class AdminApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String authorization;

    public AdminApi(QvdSystem system, String superadminPassword) {
        this.http = HttpClient.newBuilder()
                .sslContext(trusting(keyStoreOf(system), system.config().tls().keystorePassword()))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.base = "https://localhost:" + system.httpsPort() + "/api/v1";
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("superadmin@*:" + superadminPassword).getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public JsonNode post(String path, Object body) {
        return withBody("POST", path, body);
    }

    public JsonNode put(String path, Object body) {
        return withBody("PUT", path, body);
    }

    private JsonNode withBody(String method, String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new LauncherException("cannot encode " + body + ": " + e.getMessage(), e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest r = request.header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(5))
                .build();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                JsonNode problem = response.body().isBlank() ? null : JSON.readTree(response.body());
                String detail = problem != null && problem.has("detail")
                        ? problem.get("detail").asText()
                        : response.body();
                throw new LauncherException(
                        r.method() + " " + r.uri().getPath() + " answered " + response.statusCode() + ": " + detail);
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new LauncherException(r.method() + " " + r.uri().getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted", e);
        }
    }

    /**
     * The server's key store. Elytron writes a self-signed one at the first TLS handshake, so a fresh server may
     * not have it yet: one handshake (nothing sent) makes it, then the file is read once it is complete. The
     * handshake trusts only the JDK's CAs, so it fails at the server's self-signed certificate: by then the server
     * has generated it, and nothing ever trusts a server it cannot verify.
     */
    static Path keyStoreOf(QvdSystem system) {
        Path file = system.tlsKeyStore();
        if (!Files.exists(file)) {
            try (SSLSocket socket = (SSLSocket)
                    SSLContext.getDefault().getSocketFactory().createSocket("localhost", system.httpsPort())) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
            } catch (IOException | GeneralSecurityException expected) {
                // a self-signed certificate is refused here; the file check below says whether it was generated
            }
        }
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (Files.exists(file) && readable(file, system.config().tls().keystorePassword())) {
                return file;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new LauncherException("the server's key store " + file + " did not appear");
    }

    private static boolean readable(Path keyStore, String password) {
        try {
            trusting(keyStore, password);
            return true;
        } catch (LauncherException e) {
            return false; // still being written
        }
    }

    private static SSLContext trusting(Path keyStore, String password) {
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
