package org.qvd.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** JSON over HTTPS to {@code /api/v1}; a problem+json answer becomes a {@link CliException}. */
public class RestClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final HttpClient http;
    private String authorization;

    public RestClient(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .sslContext(ssl(settings))
                .connectTimeout(Duration.ofSeconds(15))
                .build();
    }

    public JsonNode get(String path, Map<String, String> query) {
        return send(request(path + query(query)).GET(), path);
    }

    public JsonNode post(String path, Object body) {
        return send(json(request(path), body, "POST"), path);
    }

    public JsonNode put(String path, Object body) {
        return send(json(request(path), body, "PUT"), path);
    }

    public JsonNode patch(String path, Object body) {
        return send(json(request(path), body, "PATCH"), path);
    }

    public JsonNode delete(String path) {
        return send(request(path).DELETE(), path);
    }

    /** Streams a file as the request body (large images never sit in memory). */
    public JsonNode upload(String path, Map<String, String> query, Path file) {
        try {
            HttpRequest.Builder b = request(path + query(query))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(file));
            return send(b, path);
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cli.file", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(settings.url() + "/" + path))
                .timeout(Duration.ofMinutes(30))
                .header("Accept", "application/json")
                .header("Authorization", authorization());
    }

    private static HttpRequest.Builder json(HttpRequest.Builder b, Object body, String method) {
        try {
            String text = body == null ? "{}" : JSON.writeValueAsString(body);
            return b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (SSLException e) {
            throw new CliException(
                    ExitCode.UNREACHABLE,
                    "cli.tls",
                    "TLS failed with " + settings.url() + ": " + e.getMessage()
                            + " (give the installation CA with --ca-file)");
        } catch (IOException e) {
            throw new CliException(
                    ExitCode.UNREACHABLE, "cli.unreachable", "cannot reach " + settings.url() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.ERROR, "cli.interrupted", "interrupted");
        }
        try (InputStream in = response.body()) {
            byte[] bytes = in.readAllBytes();
            JsonNode body = bytes.length == 0 ? null : parse(bytes);
            if (response.statusCode() >= 400) {
                throw problem(response.statusCode(), body, path);
            }
            return body;
        } catch (IOException e) {
            throw new CliException(ExitCode.UNREACHABLE, "cli.unreachable", "connection lost: " + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    static CliException problem(int status, JsonNode body, String path) {
        String code = body != null && body.has("code") ? body.get("code").asText() : "http." + status;
        String detail =
                body != null && body.has("detail") ? body.get("detail").asText() : "HTTP " + status + " on " + path;
        if (body != null && body.has("errorId")) {
            detail += " (error id " + body.get("errorId").asText() + ")";
        }
        return new CliException(ExitCode.forStatus(status), code, detail);
    }

    private String authorization() {
        if (authorization == null) {
            if (settings.token() != null) {
                authorization = "Bearer " + settings.token();
            } else {
                String login = settings.login();
                if (login == null) {
                    throw new CliException(
                            ExitCode.UNAUTHENTICATED,
                            "cli.no_login",
                            "no administrator login: set QVD_ADMIN_LOGIN, 'login' in the config file, or --login");
                }
                String basic = login + ":" + password(login);
                authorization = "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
            }
        }
        return authorization;
    }

    private String password(String login) {
        if (settings.password() != null) {
            return settings.password();
        }
        Console console = System.console();
        if (console == null) {
            throw new CliException(
                    ExitCode.UNAUTHENTICATED,
                    "cli.no_password",
                    "no password for " + login + ": set QVD_ADMIN_PASSWORD or 'password' in the config file");
        }
        return new String(console.readPassword("Password for %s: ", login));
    }

    /** {@code ?k=v&...} (empty for no entries). */
    public static String queryOf(Map<String, String> query) {
        return query(query);
    }

    static String query(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner q = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> q.add(enc(k) + "=" + enc(v)));
        return q.toString();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Trusts the CA file given (else the installation CA under QVD_HOME, else the JVM's trust store): never any
     * certificate, so a man in the middle cannot read the administrator's password or token.
     */
    private static SSLContext ssl(Settings settings) {
        if (settings.insecure()) {
            throw new CliException(
                    ExitCode.USAGE,
                    "cli.insecure",
                    "qvd-admin no longer trusts any certificate: give "
                            + "the installation CA with --ca-file (QVD_HOME/tls/ca.pem on the server)");
        }
        if (settings.caFile() == null) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, trustOnly(settings.caFile()), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new CliException(ExitCode.USAGE, "cli.ca_file", "cannot use CA file " + settings.caFile() + ": " + e);
        }
    }

    private static TrustManager[] trustOnly(Path caFile) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }
}
