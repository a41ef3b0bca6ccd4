package org.qvd.fault.platform;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
        // -fbdir: the screen is also a file (XWD), so the test sees what the user would see
        Files.createDirectories(dir.resolve("screen"));
        xvfb = new ProcessBuilder(
                        "Xvfb",
                        ":" + display,
                        "-screen",
                        "0",
                        "1024x768x24",
                        "-nolisten",
                        "tcp",
                        "-fbdir",
                        dir.resolve("screen").toString())
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

    /**
     * How many of the screen's pixels have the colour {@code rgb} (each channel within 8 of it; NX may encode
     * pictures lossily on a slow link), read from the X server's frame buffer.
     */
    public int pixelsOf(int rgb) throws IOException {
        ByteBuffer screen = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("screen/Xvfb_screen0")));
        screen.order(ByteOrder.BIG_ENDIAN); // Xvfb writes the XWD header most significant byte first
        int headerSize = screen.getInt(0);
        int height = screen.getInt(5 * 4);
        int width = screen.getInt(4 * 4);
        int byteOrder = screen.getInt(7 * 4);
        int bitsPerPixel = screen.getInt(11 * 4);
        int bytesPerLine = screen.getInt(12 * 4);
        int colours = screen.getInt(19 * 4);
        if (bitsPerPixel != 32) {
            throw new IllegalStateException("a 24-bit screen is stored with 32 bits a pixel, not " + bitsPerPixel);
        }
        int pixels = headerSize + colours * 12; // each XWDColor takes 12 bytes
        screen.order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int matching = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (near(screen.getInt(pixels + y * bytesPerLine + x * 4), rgb)) {
                    matching++;
                }
            }
        }
        return matching;
    }

    private static boolean near(int pixel, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((pixel >> shift) & 0xff) - ((rgb >> shift) & 0xff)) > 8) {
                return false;
            }
        }
        return true;
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
