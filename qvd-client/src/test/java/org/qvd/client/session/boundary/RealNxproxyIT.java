package org.qvd.client.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.client.platform.ScriptedConsole;
import org.qvd.client.standin.StandInL7r;
import org.qvd.client.standin.TestCertificate;

/**
 * The client launches the real {@code nxproxy -S} (Debian's) on a real Xvfb display. Behind the stand-in
 * L7R the far side is a real {@code nxproxy -C} listening as the VM's nxagent would, given the cookie the
 * client sent in {@code qvd.client.nx.cookie}: the NX session negotiates through the client's tunnel.
 */
class RealNxproxyIT {

    private static TestCertificate cert;

    @TempDir
    Path dir;

    private XvfbDisplay xvfb;
    private StandInL7r l7r;
    private final AtomicReference<Process> farSide = new AtomicReference<>();

    @BeforeAll
    static void certificate(@TempDir Path certs) throws Exception {
        cert = TestCertificate.create(certs, "qvd-test-server");
    }

    @BeforeEach
    void start() throws Exception {
        xvfb = XvfbDisplay.start(dir);
        l7r = new StandInL7r(cert, "alice", "pw")
                .vms("[{\"id\":3,\"name\":\"desk\",\"state\":\"running\",\"blocked\":0}]")
                .progress("Starting X session at VM 3");
    }

    @AfterEach
    void stop() throws Exception {
        Process far = farSide.get();
        if (far != null) {
            far.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        l7r.close();
        xvfb.close();
    }

    /** As the VMA would start nxagent: listening on the NX port with the session's cookie. */
    private void farSideNxWithCookie(String cookieOverride) throws IOException {
        int port = freePort();
        Path root = Files.createDirectories(dir.resolve("far"));
        l7r.farSide(port).beforeUpgrade(params -> {
            String cookie = cookieOverride != null ? cookieOverride : params.get("qvd.client.nx.cookie");
            String options = "nx/nx,link=" + params.get("qvd.client.link") + ",cookie=" + cookie + ",listen=" + port
                    + ",loopback=1,root=" + root + ",errors=" + root.resolve("errors") + ":" + (xvfb.number() + 1);
            try {
                farSide.set(new ProcessBuilder("nxproxy", "-C", options)
                        .redirectErrorStream(true)
                        .redirectOutput(root.resolve("out.log").toFile())
                        .start());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** As the VMA does it: nxagent (the VM's X server) with the client's cookie in its options and X authority. */
    private int farSideNxagent() throws IOException {
        int port = freePort();
        int display = xvfb.number() + 1;
        Path root = Files.createDirectories(dir.resolve("far"));
        l7r.farSide(port).beforeUpgrade(params -> {
            String cookie = params.get("qvd.client.nx.cookie");
            try {
                Files.writeString(
                        root.resolve("options"),
                        "nx/nx,link=" + params.get("qvd.client.link") + ",cookie="
                                + cookie + ",listen=" + port + ",loopback=1,root=" + root + ",errors="
                                + root.resolve("errors")
                                + ":" + display + "\n");
                Process xauth = new ProcessBuilder(
                                "xauth",
                                "-f",
                                root.resolve("xauth").toString(),
                                "add",
                                ":" + display,
                                "MIT-MAGIC-COOKIE-1",
                                cookie)
                        .redirectErrorStream(true)
                        .start();
                xauth.getInputStream().readAllBytes();
                xauth.waitFor(10, TimeUnit.SECONDS);
                farSide.set(new ProcessBuilder(
                                "nxagent",
                                "-D",
                                "-nolisten",
                                "tcp",
                                "-auth",
                                root.resolve("xauth").toString(),
                                "-display",
                                "nx/nx,options=" + root.resolve("options") + ":" + display,
                                ":" + display)
                        .redirectErrorStream(true)
                        .redirectOutput(root.resolve("out.log").toFile())
                        .start());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return display;
    }

    private long redPixelsOnTheViewersDisplay() throws Exception {
        Path shot = dir.resolve("shot.png");
        Process capture = new ProcessBuilder("import", "-window", "root", "-display", xvfb.display(), shot.toString())
                .redirectErrorStream(true)
                .start();
        capture.getInputStream().readAllBytes();
        assertThat(capture.waitFor(30, TimeUnit.SECONDS)).isTrue();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
        long red = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                red += (image.getRGB(x, y) & 0xffffff) == 0xff0000 ? 1 : 0;
            }
        }
        return red;
    }

    private String farLog() throws IOException {
        Path root = dir.resolve("far");
        StringBuilder all = new StringBuilder();
        for (String name : List.of("out.log", "errors")) {
            Path file = root.resolve(name);
            if (Files.exists(file)) {
                all.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private CompletableFuture<Integer> client(ScriptedConsole console, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--host",
                "127.0.0.1:" + l7r.port(),
                "--user",
                "alice",
                "--known-servers",
                dir.resolve("known_servers").toString(),
                "--accept-new-server",
                "--link",
                "adsl",
                "--keyboard",
                "pc105/us"));
        args.addAll(List.of(extra));
        Map<String, String> env = Map.of(
                "QVD_PASSWORD",
                "pw",
                "DISPLAY",
                xvfb.display(),
                "XDG_CACHE_HOME",
                dir.resolve("cache").toString());
        return CompletableFuture.supplyAsync(
                () -> ClientMain.run(args.toArray(String[]::new), console, env, ClientMain::nxproxyViewer));
    }

    private void awaitFarLog(String text) {
        await("'" + text + "' in the far side's NX log")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(farLog()).contains(text));
    }

    @Test
    void realNxproxyNegotiatesAnNxSessionThroughTheClientsTunnel() throws Exception {
        farSideNxWithCookie(null);
        ScriptedConsole console = new ScriptedConsole(false);

        CompletableFuture<Integer> exit = client(console);
        awaitFarLog("Session started");

        assertThat(l7r.upstream()).startsWith("NXPROXY-3.5.");
        assertThat(console.infos()).contains("Server: Starting X session at VM 3");
        farSide.get().destroyForcibly(); // the VM side drops without an NX goodbye: the server closes
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(console.all()).isZero();
        assertThat(console.infos()).contains("The server closed the connection to VM 3.");
        try (Stream<Path> logs = Files.walk(dir.resolve("cache/qvd-client/nx"))) {
            assertThat(logs.filter(p -> p.getFileName().toString().equals("nxproxy.log"))
                            .findFirst())
                    .isPresent();
        }
    }

    @Test
    void aRealNxagentDesktopAppearsOnTheViewersDisplay() throws Exception {
        int agentDisplay = farSideNxagent();
        ScriptedConsole console = new ScriptedConsole(false);

        CompletableFuture<Integer> exit = client(console);
        awaitFarLog("Session started");
        ProcessBuilder xsetroot = new ProcessBuilder("xsetroot", "-solid", "red").redirectErrorStream(true);
        xsetroot.environment().put("DISPLAY", ":" + agentDisplay);
        xsetroot.environment().put("XAUTHORITY", dir.resolve("far/xauth").toString());
        Process painter = xsetroot.start();
        painter.getInputStream().readAllBytes();
        assertThat(painter.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(painter.exitValue()).isZero();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(redPixelsOnTheViewersDisplay())
                        .as("red pixels of the VM's root window on the viewer's Xvfb")
                        .isGreaterThan(100_000));
        farSide.get().destroyForcibly();
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(console.all()).isZero();
    }

    @Test
    void theNxAgentSideRefusesAViewerWithAnotherCookie() throws Exception {
        farSideNxWithCookie("ffffffffffffffffffffffffffffffff");
        ScriptedConsole console = new ScriptedConsole(false);

        CompletableFuture<Integer> exit = client(console);
        awaitFarLog("doesn't match");

        assertThat(exit.get(30, TimeUnit.SECONDS)).as(console.all()).isZero();
        assertThat(farLog()).doesNotContain("Session started");
    }

    @Test
    void aMissingNxproxyIsAViewerFailure() throws Exception {
        farSideNxWithCookie(null);
        ScriptedConsole console = new ScriptedConsole(false);

        int exit = client(console, "--nxproxy", dir.resolve("no-such-nxproxy").toString())
                .get(30, TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(10);
        assertThat(console.errors()).anySatisfy(e -> assertThat(e).contains("install the nxproxy package"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
