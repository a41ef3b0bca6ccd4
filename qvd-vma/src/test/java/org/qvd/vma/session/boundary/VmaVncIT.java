package org.qvd.vma.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.vma.session.boundary.ItSupport.*;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.RequiredResource;

/**
 * {@code vnc_start} (docs/browser.md) on the VMA from its shaded jar in local mode, with a real nxagent, the in-VM
 * viewer (Xvfb + nxproxy) and x11vnc: a browser desktop attaches to a listening session, a VNC client gets the
 * desktop at the browser's size, and its leaving suspends the session; watching refuses a session nobody is
 * connected to.
 */
class VmaVncIT {
    private final ItSupport support = new ItSupport();
    private final Path dir = Path.of("target", "vma-vnc-it").toAbsolutePath();

    @AfterEach
    void cleanUp() {
        support.stopAll();
    }

    @Test
    void aBrowserDesktopAttachesToTheSessionAtItsSizeAndLeavingSuspendsIt() throws Exception {
        String missing = missingTool("nxagent", "nxproxy", "Xvfb", "x11vnc", "xdotool", "xterm");
        RequiredResource.present(missing == null, () -> missing + " is not installed");
        Files.createDirectories(dir);
        int agentDisplay = freeDisplay(160);
        int viewerDisplay = freeDisplay(agentDisplay + 1);
        int httpPort = freePort();
        int nxPort = freePort();
        support.start(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dvma.local-mode=true",
                        "-Dvma.http.bind=127.0.0.1",
                        "-Dvma.http.port=" + httpPort,
                        "-Dvma.nx.port=" + nxPort,
                        "-Dvma.nx.display=" + agentDisplay,
                        "-Dvma.nx.loopback=true",
                        "-Dvma.vnc.viewer.display=" + viewerDisplay,
                        "-Dvma.vnc.port=" + Integer.getInteger("qvd.vnc.it.port", 42560),
                        "-Dvma.run.dir=" + dir.resolve("run"),
                        "-Dvma.local.home=" + dir.resolve("home"),
                        "-Dvma.session.command=xterm -title qvd-vnc-term -geometry 80x24+40+40",
                        "-Dvma.poweroff.command=",
                        "-jar",
                        System.getProperty("vma.jar")),
                Map.of(),
                dir.resolve("vma.log"));
        String base = "http://127.0.0.1:" + httpPort;
        awaitPing(base);

        var nothing = get(base, "/vma/vnc_start?vnc.mode=view");
        assertThat(nothing.statusCode())
                .as("no session to watch: %s", nothing.body())
                .isEqualTo(409);
        assertThat(get(base, "/vma/vnc_start?vnc.mode=spy").statusCode()).isEqualTo(400);

        String cookie = cookie();
        get(
                base,
                "/vma/x_start?qvd.vm.user.name=qvdtest&qvd.client.link=lan&qvd.client.fullscreen=1&qvd.nx.cookie="
                        + cookie);
        awaitState(base, "listening"::equals, Duration.ofSeconds(30));
        var view = get(base, "/vma/vnc_start?vnc.mode=view");
        assertThat(view.statusCode())
                .as("a listening session shows nothing yet: %s", view.body())
                .isEqualTo(409);

        long begin = System.nanoTime();
        var started = get(base, "/vma/vnc_start?vnc.mode=desktop&vnc.geometry=1024x640");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        int port = json(started).path("port").asInt();
        System.out.printf(
                "VmaVncIT: vnc_start (desktop) answered in %d ms, port %d%n",
                (System.nanoTime() - begin) / 1_000_000, port);
        assertThat(awaitState(base, "connected"::equals, Duration.ofSeconds(5))).isEqualTo("connected");
        try (Socket vnc = new Socket("127.0.0.1", port)) {
            vnc.setSoTimeout(10_000);
            int[] size = rfbHandshake(vnc);
            assertThat(size).as("the desktop has the browser's size").containsExactly(1024, 640);
            var admin = get(base, "/vma/vnc_start?vnc.mode=view");
            assertThat(admin.statusCode())
                    .as("an admin may watch a connected session: %s", admin.body())
                    .isEqualTo(200);
        }
        assertThat(awaitState(base, "suspended"::equals, Duration.ofSeconds(30)))
                .as("the browser left: its viewer goes and the session is suspended")
                .isEqualTo("suspended");
    }

    /** RFB 3.8 without authentication, shared: answers the framebuffer's width and height from ServerInit. */
    static int[] rfbHandshake(Socket socket) throws Exception {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        byte[] version = new byte[12];
        in.readFully(version);
        assertThat(new String(version, StandardCharsets.US_ASCII)).startsWith("RFB 003.");
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        int types = in.readUnsignedByte();
        assertThat(types).as("security types offered").isPositive();
        byte[] offered = new byte[types];
        in.readFully(offered);
        assertThat(offered)
                .as("no VNC password: the VMA's key and -allow guard it")
                .contains((byte) 1);
        out.write(1);
        assertThat(in.readInt()).as("security result").isZero();
        out.write(1); // shared
        return new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
    }
}
