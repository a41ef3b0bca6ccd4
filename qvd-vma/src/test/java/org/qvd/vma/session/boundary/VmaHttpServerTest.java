package org.qvd.vma.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.vma.platform.VmaConfig;
import org.qvd.vma.power.control.PowerControl;
import org.qvd.vma.session.control.SessionSupervisor;

/** The real HTTP server on an ephemeral port; no nxagent is started by these calls. */
class VmaHttpServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private VmaHttpServer server;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Properties p = new Properties();
        p.setProperty("vma.local-mode", "true");
        p.setProperty("vma.run.dir", dir.toString());
        VmaConfig config = VmaConfig.from(p);
        server = new VmaHttpServer(new SessionSupervisor(config), new PowerControl(List.of()), "test");
        server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersPingAndStoppedStateAsJson() throws Exception {
        HttpResponse<String> ping = get("/vma/ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(ping.body())
                .contains("\"status\":\"ok\"", "\"version\":\"test\"")
                .containsPattern("\"rssKiB\":[1-9]");
        assertThat(get("/vma/x_state").body()).isEqualTo("{\"state\":\"stopped\",\"resumed\":false}");
    }

    @Test
    void refusesAnInjectedUserNameWith400NamingTheParameter() throws Exception {
        HttpResponse<String> response =
                get("/vma/x_start?qvd.vm.user.name=x%3Bid&qvd.nx.cookie=0123456789abcdef0123456789abcdef");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"invalid_parameter\"", "\"parameter\":\"qvd.vm.user.name\"");
        assertThat(get("/vma/x_state").body()).contains("\"stopped\"");
    }

    @Test
    void namesAMissingParameterInTheMessageAndChecksWithoutActing() throws Exception {
        HttpResponse<String> missing = get("/vma/x_start?qvd.client.os=linux");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"message\":\"qvd.vm.user.name is required\"");
        HttpResponse<String> check = get("/vma/x_check?qvd.vm.user.name=alice&qvd.client.keyboard=pc105%2Fes");
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(get("/vma/x_check?qvd.vm.user.name=alice&qvd.client.keyboard=..%2Fx")
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/vma/x_state").body()).contains("\"stopped\"");
    }

    @Test
    void answersUnknownMethodsAndVerbs() throws Exception {
        assertThat(get("/vma/rm_rf").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/vma/ping"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.body()).contains("method_not_allowed");
    }

    @Test
    void acceptsExpiryAndRefusesNonNumericOnes() throws Exception {
        assertThat(get("/vma/expire?vm.expiration.soft=1900000000&vm.expiration.hard=1900003600")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get("/vma/expire?vm.expiration.hard=tomorrow").statusCode()).isEqualTo(400);
    }

    @Test
    void suspendAndStopOfAStoppedSessionChangeNothing() throws Exception {
        assertThat(get("/vma/x_suspend").body()).contains("\"stopped\"");
        assertThat(get("/vma/x_stop").body()).contains("\"stopped\"");
    }

    @Test
    void withAKeyRefusesEveryCallThatDoesNotCarryIt(@TempDir Path dir) throws Exception {
        String key = "ab".repeat(32);
        Properties p = new Properties();
        p.setProperty("vma.local-mode", "true");
        p.setProperty("vma.run.dir", dir.toString());
        VmaHttpServer keyed = new VmaHttpServer(
                new SessionSupervisor(VmaConfig.from(p)),
                new PowerControl(List.of()),
                "test",
                org.qvd.vma.platform.VmaKey.of(key));
        keyed.start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + keyed.port();
            for (String path :
                    List.of("/vma/ping", "/vma/x_state", "/vma/x_start?qvd.vm.user.name=alice", "/vma/nope")) {
                HttpResponse<String> refused = http.send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(refused.body()).contains("\"error\":\"vma.key_required\"");
                HttpResponse<String> wrong = http.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("X-QVD-VMA-Key", "cd".repeat(32))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(wrong.statusCode()).as(path).isEqualTo(403);
            }
            HttpResponse<String> ok = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/vma/x_state"))
                            .header("X-QVD-VMA-Key", key)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"stopped\"");
        } finally {
            keyed.stop();
        }
    }
}
