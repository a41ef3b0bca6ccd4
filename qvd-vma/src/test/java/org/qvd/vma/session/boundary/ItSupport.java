package org.qvd.vma.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.qvd.testsupport.RealVma;

/** Helpers for the ITs: processes, free ports, polling the VMA's HTTP API. */
final class ItSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<Process> started = new ArrayList<>();

    static String missingTool(String... tools) {
        for (String tool : tools) {
            boolean found = false;
            for (String dir :
                    System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
                found |= Files.isExecutable(Path.of(dir, tool));
            }
            if (!found) {
                return tool;
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A display number without an X socket, starting at {@code from}. */
    static int freeDisplay(int from) {
        return RealVma.freeDisplay(from);
    }

    static String cookie() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    static String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8).trim();
    }

    /** Stops everything this support started, newest first, by process handle (never by name). */
    void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
    }

    static HttpResponse<String> get(String base, String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Polls {@code x_state} until it matches; fails with the last state seen. */
    static String awaitState(String base, Predicate<String> wanted, Duration timeout) {
        AtomicReference<String> last = new AtomicReference<>("(no answer)");
        await("x_state of " + base)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions() // no answer yet
                .untilAsserted(() -> {
                    last.set(json(get(base, "/vma/x_state")).path("state").asText());
                    assertThat(last.get()).as("x_state").matches(wanted);
                });
        return last.get();
    }

    static void awaitFile(Path file, String content, Duration timeout) {
        await("'" + content + "' in " + file)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(file).exists().content().contains(content));
    }

    static File file(Path path) {
        return path.toFile();
    }

    /** Waits until the X server of {@code :display} (an Xvfb just started) listens on its socket. */
    static void awaitDisplay(int display) {
        Path socket = Path.of("/tmp/.X11-unix/X" + display);
        await("X display :" + display)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(socket));
    }

    /** Waits until the VMA answers {@code ping} (it starts in about a second). */
    static void awaitPing(String base) {
        await("the VMA's ping at " + base)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions() // not listening yet
                .until(() -> get(base, "/vma/ping").statusCode() == 200);
    }
}
