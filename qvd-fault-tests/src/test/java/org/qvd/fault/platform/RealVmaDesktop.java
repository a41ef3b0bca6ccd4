package org.qvd.fault.platform;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.qvd.launcher.QvdSystem;

/**
 * A user's desktop VM ({@link DesktopVm}) whose guest is replaced by what runs inside one: the real VMA (qvd-vma's
 * shaded jar, in its local mode) with a real nxagent on this machine's loopback, and the VMA key a host would give
 * it (every L7R call must carry it). No hypervisor, so a WildFly crash leaves it exactly as it leaves a guest: running.
 * Processes are stopped by their handles, never by name.
 */
public final class RealVmaDesktop implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final DesktopVm vm;
    private final Process vma;
    private final Path dir;
    private final int httpPort;
    private final int display;
    private final String key;

    /** Why it cannot run here (a missing jar or program), or empty when it can. */
    public static Optional<String> missing() {
        String jar = System.getProperty("qvd.vma.jar", "");
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            return Optional.of("the VMA's shaded jar (qvd-vma, mvn package) is not at '" + jar + "'");
        }
        for (String program : List.of("nxagent", "nxproxy", "Xvfb", "xprop")) {
            if (!Files.isExecutable(Path.of("/usr/bin", program))) {
                return Optional.of("/usr/bin/" + program + " is not installed");
            }
        }
        return Optional.empty();
    }

    public RealVmaDesktop(QvdSystem system, Path dir) throws Exception {
        this.dir = dir;
        vm = DesktopVm.create(system);
        Files.createDirectories(dir);
        httpPort = freePort();
        int nxPort = freePort();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = HexFormat.of().formatHex(secret);
        display = freeDisplay(170);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-Dvma.local-mode=true", "-Dvma.http.bind=127.0.0.1",
                "-Dvma.http.port=" + httpPort, "-Dvma.nx.port=" + nxPort, "-Dvma.nx.display=" + display,
                "-Dvma.nx.loopback=true", "-Dvma.run.dir=" + dir.resolve("run"), "-Dvma.local.home=" + dir.resolve("home"),
                "-Dvma.session.command=", "-Dvma.poweroff.command=", "-Dvma.key=" + key, "-jar",
                System.getProperty("qvd.vma.jar")));
        vma = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("vma.log").toFile())).start();
        awaitListening(httpPort);
        vm.pointAt(system, httpPort, nxPort, key);
    }

    public DesktopVm vm() {
        return vm;
    }

    /** The X session's state as the VMA reports it ({@code x_state}). */
    public String xState() {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/vma/x_state"))
                    .header("X-QVD-VMA-Key", key).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.replaceAll("(?s).*\"state\":\"([a-z_]+)\".*", "$1");
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void awaitXState(Duration timeout, String wanted) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String last = xState();
        while (!wanted.equals(last) && System.nanoTime() < end) {
            Thread.sleep(200);
            last = xState();
        }
        if (!wanted.equals(last)) {
            throw new AssertionError("x_state is " + last + ", not " + wanted + " after " + timeout.toSeconds()
                    + " s; see " + dir.resolve("vma.log"));
        }
    }

    /** The nxagent process of the session (a descendant of the VMA), if one runs. */
    public Optional<Long> nxagentPid() {
        return vma.descendants().filter(p -> p.info().command().map(c -> c.endsWith("nxagent")).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    /** Sets a property on the session's root window, as any program on the desktop could. */
    public void mark(String value) throws Exception {
        x("xprop", "-root", "-f", "QVD_FAULT_MARKER", "8s", "-set", "QVD_FAULT_MARKER", value);
    }

    /** The root window's marker, as a program on the desktop reads it now. */
    public String marker() throws Exception {
        return x("xprop", "-root", "QVD_FAULT_MARKER").trim();
    }

    private String x(String... command) throws Exception {
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

    static void awaitListening(int port) throws Exception {
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on 127.0.0.1:" + port);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static int freeDisplay(int from) {
        for (int n = from; n < from + 50; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display from " + from);
    }

    @Override
    public void close() throws Exception {
        vma.descendants().forEach(ProcessHandle::destroy);
        vma.destroy();
        if (!vma.waitFor(10, TimeUnit.SECONDS)) {
            vma.descendants().forEach(ProcessHandle::destroyForcibly);
            vma.destroyForcibly();
        }
    }
}
