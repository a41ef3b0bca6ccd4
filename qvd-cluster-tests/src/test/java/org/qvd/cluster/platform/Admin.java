package org.qvd.cluster.platform;

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
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The superadmin's REST calls ({@code /api/v1}) to one HTTPS port (a node's own, or the balancer's), trusting the
 * installation CA only: a node whose certificate is not issued by it fails the handshake.
 */
public final class Admin {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String USER_PASSWORD = "Cluster-User-Pw-1";

    private final HttpClient client;
    private final String base;
    private final String authorization;

    public Admin(Path caPem, int httpsPort) {
        this.client = HttpClient.newBuilder()
                .sslContext(trusting(caPem))
                .connectTimeout(Duration.ofSeconds(20))
                .build();
        this.base = "https://localhost:" + httpsPort + "/api/v1";
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("superadmin@*:" + RunningCluster.SUPERADMIN_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8));
    }

    /** An SSL context that trusts the installation CA and nothing else. */
    public static SSLContext trusting(Path caPem) {
        return trusting(caTrust(caPem));
    }

    /** An SSL context that trusts what {@code trust} does. */
    static SSLContext trusting(X509TrustManager trust) {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {trust}, null);
            return ssl;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust manager for the installation CA (its PEM) and nothing else. */
    static X509TrustManager caTrust(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(
                    "qvd-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return (X509TrustManager) tmf.getTrustManagers()[0];
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + caPem, e);
        }
    }

    /**
     * One REST call over a raw TLS connection from a chosen loopback source address (e.g. 127.0.0.7): another client
     * address as far as the server can tell, which the Java HTTP client cannot choose. Returns the status line.
     */
    public static String rawPost(Path caPem, int port, String fromAddress, String path, String json)
            throws IOException {
        try (java.net.Socket plain = new java.net.Socket()) {
            plain.bind(new java.net.InetSocketAddress(fromAddress, 0));
            plain.connect(new java.net.InetSocketAddress("127.0.0.1", port), 20_000);
            try (javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket)
                    trusting(caPem).getSocketFactory().createSocket(plain, "localhost", port, true)) {
                tls.setSoTimeout(60_000);
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                String head = "POST /api/v1" + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                        + Base64.getEncoder()
                                .encodeToString(("superadmin@*:" + RunningCluster.SUPERADMIN_PASSWORD)
                                        .getBytes(StandardCharsets.UTF_8))
                        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n";
                tls.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                tls.getOutputStream().write(body);
                tls.getOutputStream().flush();
                String response = new String(tls.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                return response.substring(0, Math.max(0, response.indexOf("\r\n")));
            }
        }
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user ({@code login@tenant}, {@link #USER_PASSWORD}) with an OSF that has a registered (few-byte) image. */
    public record User(long id, long osfId, String login) {}

    /** A user of a fresh tenant with an OSF that has a registered (few-byte) image. */
    public User user() {
        String tenant = unique("t");
        String login = unique("u");
        long[] ids = userWithOsf(tenant, login);
        return new User(ids[0], ids[1], login + "@" + tenant);
    }

    private long[] userWithOsf(String tenant, String login) {
        long tenantId = post("/tenants", Map.of("name", tenant, "description", "cluster test"))
                .get("id")
                .asLong();
        long userId = post("/users", Map.of("tenantId", tenantId, "login", login, "password", USER_PASSWORD))
                .get("id")
                .asLong();
        long osfId = post("/osfs", Map.of("tenantId", tenantId, "name", unique("osf"), "memoryMb", 256))
                .get("id")
                .asLong();
        HttpResponse<String> up = send(HttpRequest.newBuilder(
                        URI.create(base + "/dis/upload?osfId=" + osfId + "&fileName=cluster.qcow2&tag=default"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("QFI test image")));
        if (up.statusCode() != 201) {
            throw new AssertionError("upload: " + up.statusCode() + " " + up.body());
        }
        return new long[] {userId, osfId};
    }

    public long vm(User user) {
        return post("/vms", Map.of("userId", user.id(), "osfId", user.osfId(), "name", unique("vm")))
                .get("id")
                .asLong();
    }

    public JsonNode vm(long vmId) {
        return json(
                send(HttpRequest.newBuilder(URI.create(base + "/vms/" + vmId)).GET()));
    }

    /** POST without a body ({@code /vms/7/stop}); returns the response. */
    public HttpResponse<String> action(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public JsonNode post(String path, Object body) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
            if (r.statusCode() != 200 && r.statusCode() != 201) {
                throw new AssertionError("POST " + path + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            if (r.statusCode() != 200) {
                throw new AssertionError(r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.header("Authorization", authorization)
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
