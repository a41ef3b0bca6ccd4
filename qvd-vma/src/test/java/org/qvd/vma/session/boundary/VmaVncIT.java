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
 * connected to; while an administrator watches, the user's screen shows the notice, and Assist asks the user first.
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
        String missing = missingTool("nxagent", "nxproxy", "Xvfb", "x11vnc", "xdotool", "xterm", "import");
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
                        "-Dvma.vnc.confirm.seconds=3",
                        "-Dvma.vnc.assist.confirm=true",
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
            adminViewsThenAssistsWithTheUsersConsent(base, agentDisplay, viewerDisplay);
        }
        assertThat(awaitState(base, "suspended"::equals, Duration.ofSeconds(30)))
                .as("the browser left: its viewer goes and the session is suspended")
                .isEqualTo("suspended");
    }

    /**
     * The watched user's screen (the in-VM viewer's display: what the browser shows) carries the notice exactly while
     * an administrator is connected; Assist first asks the user (x11vnc's popup, answered by a click) and a request
     * left unanswered is refused.
     */
    private void adminViewsThenAssistsWithTheUsersConsent(String base, int agentDisplay, int viewerDisplay)
            throws Exception {
        Path shot = dir.resolve("user-screen.png");
        var view = get(base, "/vma/vnc_start?vnc.mode=view&vnc.admin=superadmin@*");
        assertThat(view.statusCode())
                .as("an admin may watch a connected session: %s", view.body())
                .isEqualTo(200);
        assertThat(noticeShare(viewerDisplay, shot))
                .as("no notice before the admin is there")
                .isZero();
        try (Socket watcher = new Socket("127.0.0.1", json(view).path("port").asInt())) {
            watcher.setSoTimeout(10_000);
            rfbHandshake(watcher);
            awaitShare(viewerDisplay, shot, share -> share > 0.005, "the notice on the user's screen while watched");
        }
        awaitShare(viewerDisplay, shot, share -> share == 0, "the notice gone with the admin");

        var refused = get(base, "/vma/vnc_start?vnc.mode=assist&vnc.admin=superadmin@*");
        try (Socket helper = new Socket("127.0.0.1", json(refused).path("port").asInt())) {
            helper.setSoTimeout(15_000);
            assertThat(catching(() -> rfbHandshake(helper)))
                    .as("an assist the user did not accept (confirm.seconds=3) is refused")
                    .isNotNull();
        }
        assertThat(noticeShare(viewerDisplay, shot)).isZero();

        var assist = get(base, "/vma/vnc_start?vnc.mode=assist&vnc.admin=superadmin@*");
        assertThat(assist.statusCode()).as(assist.body()).isEqualTo(200);
        try (Socket helper = new Socket("127.0.0.1", json(assist).path("port").asInt())) {
            helper.setSoTimeout(15_000);
            var handshake =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> catching(() -> rfbHandshake(helper)));
            // x11vnc's popup, centred on the 1024x640 session: its "Yes" button is 130 px left of and 53 px below
            // the centre; the user clicks it
            Map<String, String> user = Map.of(
                    "DISPLAY",
                    ":" + agentDisplay,
                    "XAUTHORITY",
                    dir.resolve("run/session/xauthority").toString());
            for (int i = 0; i < 20 && !handshake.isDone(); i++) {
                Thread.sleep(500);
                run(List.of("xdotool", "mousemove", "382", "373", "click", "1"), user);
            }
            assertThat(handshake.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the user accepted: the assist goes on")
                    .isNull();
            awaitShare(viewerDisplay, shot, share -> share > 0.005, "the notice while assisted");
        }
        awaitShare(viewerDisplay, shot, share -> share == 0, "the notice gone after the assist");
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Throwable catching(Step step) {
        try {
            step.run();
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    private static void awaitShare(int display, Path shot, java.util.function.DoublePredicate wanted, String what)
            throws Exception {
        double share = -1;
        for (int i = 0; i < 40; i++) {
            share = noticeShare(display, shot);
            if (wanted.test(share)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": share of the notice's colour " + share + " (see " + shot + ")");
    }

    /** The share of the screen in the notice's colour (#ffd000), from a screenshot of the display. */
    static double noticeShare(int display, Path shot) throws Exception {
        run(List.of("import", "-display", ":" + display, "-window", "root", shot.toString()), Map.of());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
        long hits = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                hits += r > 235 && g > 190 && g < 225 && b < 40 ? 1 : 0;
            }
        }
        return (double) hits / ((long) image.getWidth() * image.getHeight());
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
