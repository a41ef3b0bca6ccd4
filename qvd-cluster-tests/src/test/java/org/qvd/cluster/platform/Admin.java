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
import javax.net.ssl.TrustManagerFactory;

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
        this.client = HttpClient.newBuilder().sslContext(trusting(caPem)).connectTimeout(Duration.ofSeconds(20)).build();
        this.base = "https://localhost:" + httpsPort + "/api/v1";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                ("superadmin@*:" + RunningCluster.SUPERADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** An SSL context that trusts the installation CA and nothing else. */
    public static SSLContext trusting(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("qvd-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + caPem, e);
        }
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user of a fresh tenant with an OSF that has a registered (few-byte) image; returns {userId, osfId}. */
    public long[] userWithOsf(String login) {
        long tenantId = post("/tenants", Map.of("name", unique("t"), "description", "cluster test")).get("id").asLong();
        long userId = post("/users", Map.of("tenantId", tenantId, "login", login, "password", USER_PASSWORD))
                .get("id").asLong();
        long osfId = post("/osfs", Map.of("tenantId", tenantId, "name", unique("osf"), "memoryMb", 256)).get("id").asLong();
        HttpResponse<String> up = send(HttpRequest.newBuilder(URI.create(base + "/dis/upload?osfId=" + osfId
                        + "&fileName=cluster.qcow2&tag=default")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("QFI test image")));
        if (up.statusCode() != 201) {
            throw new AssertionError("upload: " + up.statusCode() + " " + up.body());
        }
        return new long[] {userId, osfId};
    }

    public long vm(long userId, long osfId) {
        return post("/vms", Map.of("userId", userId, "osfId", osfId, "name", unique("vm"))).get("id").asLong();
    }

    public JsonNode vm(long vmId) {
        return json(send(HttpRequest.newBuilder(URI.create(base + "/vms/" + vmId)).GET()));
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
            return client.send(request.header("Authorization", authorization).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
