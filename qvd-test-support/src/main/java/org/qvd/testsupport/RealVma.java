package org.qvd.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real VMA (qvd-vma's shaded jar, {@code -Dqvd.vma.jar}) in its local mode on this machine, running a real
 * nxagent on loopback: what a desktop VM offers the L7R, without a hypervisor (so a server crash leaves it as it
 * leaves a guest: running). It requires a random VMA key ({@code vma.key}, as the OEM string would give it in a VM);
 * {@link #runningAs(VmRuntimeRow)} points the VM's runtime row at it with the same key, so every call the L7R makes
 * must carry it. Processes are stopped by their handles, never by name.
 */
public final class RealVma implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final int httpPort;
    private final int nxPort;
    private final int display;
    private final String key;
    private final Path dir;
    private final Process vma;
    private VmRuntimeRow row;

    /**
     * Why the real VMA cannot run here (no shaded jar, or one of {@code programs} missing in /usr/bin), or null.
     * Pass it to {@link RequiredResource#present(String)}.
     */
    public static String missing(String... programs) {
        String jar = System.getProperty("qvd.vma.jar", "");
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            return "the VMA's shaded jar (qvd-vma, mvn package) is not at '" + jar + "'";
        }
        for (String program : programs) {
            if (!Files.isExecutable(Path.of("/usr/bin", program))) {
                return "/usr/bin/" + program + " is not installed";
            }
        }
        return null;
    }

    /** Starts the VMA with its files (run directory, home, {@code vma.log}) under {@code dir}; returns once it listens. */
    public static RealVma start(Path dir) throws IOException, InterruptedException {
        return new RealVma(dir);
    }

    private RealVma(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(dir);
        httpPort = freePort();
        nxPort = freePort();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = java.util.HexFormat.of().formatHex(secret);
        display = freeDisplay(170);
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-Dvma.local-mode=true",
                "-Dvma.http.bind=127.0.0.1",
                "-Dvma.http.port=" + httpPort,
                "-Dvma.nx.port=" + nxPort,
                "-Dvma.nx.display=" + display,
                "-Dvma.nx.loopback=true",
                "-Dvma.run.dir=" + dir.resolve("run"),
                "-Dvma.local.home=" + dir.resolve("home"),
                "-Dvma.session.command=",
                "-Dvma.poweroff.command=",
                "-Dvma.key=" + key,
                "-jar",
                System.getProperty("qvd.vma.jar"));
        vma = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(dir.resolve("vma.log").toFile()))
                .start();
        try {
            await("the VMA listening on " + httpPort + " (see " + log() + ")")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> listens(httpPort));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Points the VM's runtime row at this VMA ({@code running}, its ports and key) now, and back to stopped at close. */
    public RealVma runningAs(VmRuntimeRow vmRow) {
        vmRow.running(httpPort, nxPort, key);
        this.row = vmRow;
        return this;
    }

    public int httpPort() {
        return httpPort;
    }

    public int nxPort() {
        return nxPort;
    }

    public String key() {
        return key;
    }

    public Path log() {
        return dir.resolve("vma.log");
    }

    /** A call to the VMA; {@code withKey}: as the host and the L7R make it, else as anyone else on the network. */
    public HttpResponse<String> call(String pathAndQuery, boolean withKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + pathAndQuery))
                .timeout(Duration.ofSeconds(5));
        if (withKey) {
            request.header("X-QVD-VMA-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The X session's state as the VMA reports it ({@code x_state}), or {@code unreachable}. */
    public String xState() throws InterruptedException {
        try {
            return call("/vma/x_state", true).body().replaceAll("(?s).*\"state\":\"([a-z_]+)\".*", "$1");
        } catch (IOException e) {
            return "unreachable";
        }
    }

    /** Waits until {@code x_state} is one of {@code wanted}. */
    public void awaitXState(Duration timeout, String... wanted) {
        await("x_state " + List.of(wanted))
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> assertThat(xState()).as("x_state; see " + log()).isIn((Object[]) wanted));
    }

    /** The nxagent options file the VMA wrote for the current session. */
    public String nxagentOptions() throws IOException {
        return Files.readString(dir.resolve("run/session/nxagent.options"));
    }

    /** The nxagent process of the session (a descendant of the VMA), if one runs. */
    public Optional<Long> nxagentPid() {
        return vma.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("nxagent")).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    /** Runs an X program on the session's display, as any program on the desktop could; returns its output. */
    public String onDisplay(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", ":" + display);
        pb.environment().put("XAUTHORITY", dir.resolve("run/session/xauthority").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " on the session's display :" + display + ": " + out);
        }
        return out;
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The first X display number from {@code from} with no socket or lock file. */
    public static int freeDisplay(int from) {
        for (int n = from; n < from + 50; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display from " + from);
    }

    @Override
    public void close() {
        vma.descendants().forEach(ProcessHandle::destroy);
        vma.destroy();
        try {
            if (!vma.waitFor(10, TimeUnit.SECONDS)) {
                vma.descendants().forEach(ProcessHandle::destroyForcibly);
                vma.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vma.destroyForcibly();
        }
        if (row != null) {
            row.stopped();
        }
    }
}
