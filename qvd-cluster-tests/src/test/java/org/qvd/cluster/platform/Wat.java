package org.qvd.cluster.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An admin's browser session on the WAT, as far as HTTP goes: the FORM login (Elytron's {@code j_security_check}),
 * then pages with the session cookie. Trusts the installation CA only.
 */
public final class Wat {
    private final HttpClient client;
    private final String base;

    private Wat(Path caPem, int port) {
        client = HttpClient.newBuilder().sslContext(Admin.trusting(caPem)).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
        base = "https://localhost:" + port + "/wat/";
    }

    /** Logs the superadmin in; fails unless the WAT's main page follows. */
    public static Wat logIn(Path caPem, int port) throws IOException, InterruptedException {
        Wat wat = new Wat(caPem, port);
        wat.get("index.xhtml"); // the container answers with the login form and a session
        String form = "j_username=" + URLEncoder.encode("superadmin@*", StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(RunningCluster.SUPERADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> r = wat.client.send(HttpRequest.newBuilder(URI.create(wat.base + "j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String page = r.statusCode() == 200 && r.body().contains("mVms") ? r.body() : wat.page();
        if (!page.contains("mVms")) {
            throw new AssertionError("WAT login failed: " + r.statusCode() + " " + r.body());
        }
        return wat;
    }

    /**
     * What the admin sees now on the main page: {@code "kept"} (still logged in) or {@code "login"} (the login form:
     * the session's node died, docs/cluster.md "WAT sessions"); anything else (an error page, a 5xx) fails.
     */
    public String state() throws IOException, InterruptedException {
        String page = page();
        if (page.contains("mVms") && !page.contains("j_security_check")) {
            return "kept";
        }
        if (page.contains("j_security_check") && page.contains("j_password")) {
            return "login";
        }
        throw new AssertionError("neither the WAT nor its login form: " + page);
    }

    /** The WAT's main page as this session sees it now (the login form if the session was lost). */
    public String page() throws IOException, InterruptedException {
        HttpResponse<String> r = get("index.xhtml");
        if (r.statusCode() != 200) {
            throw new AssertionError("WAT answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
