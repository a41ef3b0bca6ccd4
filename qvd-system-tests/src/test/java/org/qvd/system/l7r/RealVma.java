package org.qvd.system.l7r;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qvd.launcher.QvdSystem;

/**
 * The real VMA (qvd-vma's shaded jar) in its local mode on this machine, running a real nxagent on loopback: what a
 * desktop VM offers the L7R, without a hypervisor. It requires a VMA key (contract C1; {@code vma.key}, as the OEM
 * string would give it in a VM), and the VM's runtime row is pointed at it by SQL ({@code running}, address
 * 127.0.0.1, its ports, the same key): every call the L7R makes must carry it. Processes are stopped by their
 * handles, never by name.
 */
final class RealVma implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    final int httpPort;
    final int nxPort;
    final String key;
    private final Process vma;
    private final VmasData data;
    private final QvdSystem system;
    private final long vmId;
    private final Path dir;

    /** Why the real VMA cannot run here (a missing jar or nxagent), or null when it can. */
    static String missing() {
        String jar = System.getProperty("qvd.vma.jar", "");
        if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
            return "the VMA's shaded jar (qvd-vma, mvn package) is not at '" + jar + "'";
        }
        if (!Files.isExecutable(Path.of("/usr/bin/nxagent"))) {
            return "nxagent is not installed (Debian package nxagent)";
        }
        return null;
    }

    RealVma(QvdSystem system, VmasData data, long vmId, Path dir) throws Exception {
        this.system = system;
        this.data = data;
        this.vmId = vmId;
        this.dir = dir;
        Files.createDirectories(dir);
        httpPort = freePort();
        nxPort = freePort();
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        key = java.util.HexFormat.of().formatHex(secret);
        int display = freeDisplay(170);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-Dvma.local-mode=true", "-Dvma.http.bind=127.0.0.1",
                "-Dvma.http.port=" + httpPort, "-Dvma.nx.port=" + nxPort, "-Dvma.nx.display=" + display,
                "-Dvma.nx.loopback=true", "-Dvma.run.dir=" + dir.resolve("run"), "-Dvma.local.home=" + dir.resolve("home"),
                "-Dvma.session.command=", "-Dvma.poweroff.command=", "-Dvma.key=" + key, "-jar",
                System.getProperty("qvd.vma.jar")));
        vma = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("vma.log").toFile())).start();
        awaitPing();
        data.sql(system, "UPDATE vm_runtime SET state = 'running', state_ts = now(), address = '127.0.0.1', "
                + "vma_port = ?, x_port = ?, vma_key = ? WHERE vm_id = ?", httpPort, nxPort, key, vmId);
    }

    /** A call to the VMA; {@code withKey}: as the host and the L7R make it, else as anyone else on the network. */
    java.net.http.HttpResponse<String> call(String pathAndQuery, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + pathAndQuery))
                .timeout(Duration.ofSeconds(5));
        if (withKey) {
            request.header("X-QVD-VMA-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session's state as the VMA reports it ({@code x_state}). */
    String xState() throws Exception {
        String body = call("/vma/x_state", true).body();
        return body.replaceAll(".*\"state\":\"([a-z_]+)\".*", "$1");
    }

    /** The nxagent options file the VMA wrote for the current session. */
    String nxagentOptions() throws IOException {
        return Files.readString(dir.resolve("run/session/nxagent.options"));
    }

    void awaitXState(Duration timeout, String... wanted) throws Exception {
        List<String> states = List.of(wanted);
        long end = System.nanoTime() + timeout.toNanos();
        String last = xState();
        while (!states.contains(last) && System.nanoTime() < end) {
            Thread.sleep(200);
            last = xState();
        }
        if (!states.contains(last)) {
            throw new AssertionError("x_state is " + last + ", not " + states + " after " + timeout);
        }
    }

    private void awaitPing() throws Exception {
        for (int i = 0; i < 150; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", httpPort), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the VMA did not listen on " + httpPort + "; see " + dir.resolve("vma.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int freeDisplay(int from) {
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
        data.sql(system, "UPDATE vm_runtime SET state = 'stopped', state_ts = now(), address = NULL, "
                + "vma_port = NULL, x_port = NULL, vma_key = NULL WHERE vm_id = ?", vmId);
    }
}
