package org.qvd.fault.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qvd.testsupport.RealVma;

/**
 * The viewer side of a QVD client, for real: an X server to draw on (Xvfb) and {@code nxproxy -S}, without a cookie
 * as QVD 4's clients run it, whose connection the client hands to its tunnel through the L7R (a local port whose
 * bytes are copied both ways, as the client's own forwarding does).
 */
public final class NxViewer implements AutoCloseable {

    private final Path dir;
    private final Process xvfb;
    private final int display;
    private Process nxproxy;
    private Socket proxySide;

    public NxViewer(Path dir) throws Exception {
        this.dir = dir;
        Files.createDirectories(dir);
        display = RealVma.freeDisplay(190);
        xvfb = new ProcessBuilder("Xvfb", ":" + display, "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("xvfb.log").toFile())
                .start();
        await("Xvfb's socket for :" + display)
                .atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)));
    }

    /** Runs nxproxy against {@code tunnel} (after its 101); returns once nxproxy has connected. */
    public void attach(ClientTunnel tunnel, String name) throws Exception {
        detach();
        try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path root = Files.createDirectories(dir.resolve(name));
            ProcessBuilder pb = new ProcessBuilder(List.of(
                            "nxproxy",
                            "-S",
                            "nx/nx,link=adsl,connect=127.0.0.1,port=" + local.getLocalPort() + ",retry=5,root=" + root
                                    + ",errors=" + root.resolve("errors") + ":40"))
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve("nxproxy.log").toFile());
            pb.environment().put("DISPLAY", ":" + display);
            pb.environment().put("NX_CLIENT", "/bin/false");
            nxproxy = pb.start();
            local.setSoTimeout(30_000);
            proxySide = local.accept();
        }
        copy(proxySide.getInputStream(), tunnel.output(), "nxproxy-to-tunnel");
        copy(tunnel.input(), proxySide.getOutputStream(), "tunnel-to-nxproxy");
    }

    private static void copy(InputStream from, OutputStream to, String name) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16384];
                    try {
                        for (int n; (n = from.read(buf)) >= 0; ) {
                            to.write(buf, 0, n);
                            to.flush();
                        }
                    } catch (IOException ended) {
                        // either side went away: the other is closed below
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
    }

    /** Whether the current nxproxy still runs. */
    public boolean proxyRunning() {
        return nxproxy != null && nxproxy.isAlive();
    }

    private void detach() throws Exception {
        if (nxproxy != null) {
            nxproxy.destroy();
            if (!nxproxy.waitFor(5, TimeUnit.SECONDS)) {
                nxproxy.destroyForcibly();
            }
        }
        if (proxySide != null) {
            proxySide.close();
        }
    }

    @Override
    public void close() throws Exception {
        detach();
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
