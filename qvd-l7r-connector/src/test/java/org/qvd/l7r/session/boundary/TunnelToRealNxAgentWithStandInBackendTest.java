package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.RealVma;
import org.qvd.testsupport.RequiredResource;

/**
 * A real NX session through the L7R: nxagent (the VM side) listens on a local port, {@code nxproxy -S} draws on an
 * Xvfb and reaches it through a client-side relay that speaks QVD ({@code connect_to_vm}, 101) over TLS to the
 * listener. The VMAS is the in-memory stand-in. Skipped where the NX and X packages are not installed.
 */
class TunnelToRealNxAgentWithStandInBackendTest extends StandInBackendFixture {

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aColourSetOnTheAgentsDisplayAppearsOnTheViewersDisplay() throws Exception {
        for (String tool : List.of("nxagent", "nxproxy", "Xvfb", "xauth", "xsetroot", "convert")) {
            RequiredResource.present(onPath(tool), tool + " is not installed");
        }
        Path dir = Files.createDirectories(
                Path.of("target", "nx-" + System.nanoTime()).toAbsolutePath());
        int agentDisplay = RealVma.freeDisplay(150);
        int viewerDisplay = RealVma.freeDisplay(agentDisplay + 1);
        int agentPort = freePort();
        String cookie = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        startAgent(dir, agentDisplay, agentPort, cookie);
        start(dir.resolve("xvfb.out"), "Xvfb", ":" + viewerDisplay, "-screen", "0", "800x600x24");
        backend.vm(7, 1, "desk", "running").agentPort = agentPort;

        try (ServerSocket relay = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread relayThread = new Thread(() -> relayOneConnection(relay), "qvd-client-relay");
            relayThread.setDaemon(true);
            relayThread.start();
            Path viewerOut = dir.resolve("nxproxy.out");
            Files.createDirectories(dir.resolve("p"));
            ProcessBuilder nxproxy = new ProcessBuilder(
                    "nxproxy",
                    "-S",
                    "nx/nx,link=lan,cookie=" + cookie
                            + ",connect=127.0.0.1,port=" + relay.getLocalPort() + ",retry=20,root=" + dir.resolve("p")
                            + ",errors=" + dir.resolve("p/errors") + ":" + viewerDisplay);
            nxproxy.environment().put("DISPLAY", ":" + viewerDisplay);
            processes.add(nxproxy.redirectErrorStream(true)
                    .redirectOutput(viewerOut.toFile())
                    .start());
            waitFor(Duration.ofSeconds(60), () -> contains(viewerOut, "Session started"));

            ProcessBuilder paint = new ProcessBuilder("xsetroot", "-solid", "#ff0000");
            paint.environment().put("DISPLAY", ":" + agentDisplay);
            paint.environment().put("XAUTHORITY", dir.resolve("xauth").toString());
            assertThat(paint.inheritIO().start().waitFor()).isZero();
            Path shot = dir.resolve("viewer.png");
            waitFor(Duration.ofSeconds(30), () -> "srgb(255,0,0)".equals(pixel(viewerDisplay, shot)));
        }
    }

    /** What qvd-client does: accept nxproxy's connection, upgrade a TLS connection to the L7R, relay bytes. */
    private void relayOneConnection(ServerSocket relay) {
        try (Socket viewer = relay.accept();
                L7rWire l7r = client()) {
            l7r.soTimeout(0);
            List<L7rWire.Response> answers =
                    l7r.send(perlConnect(ALICE_BASIC, "7")).readUntilFinal();
            if (answers.get(answers.size() - 1).status() != 101) {
                return;
            }
            Thread up = new Thread(() -> copy(viewer, l7r.output()));
            up.setDaemon(true);
            up.start();
            copy(l7r.input(), viewer);
        } catch (Exception e) {
            // the test's own wait reports the failure
        }
    }

    private static void copy(Socket from, OutputStream to) {
        try {
            from.getInputStream().transferTo(to);
        } catch (IOException closed) {
            // either side closed
        }
    }

    private static void copy(InputStream from, Socket to) {
        try {
            byte[] buf = new byte[65536];
            for (int n; (n = from.read(buf)) > 0; ) {
                to.getOutputStream().write(buf, 0, n);
            }
        } catch (IOException closed) {
            // either side closed
        }
    }

    private void startAgent(Path dir, int display, int port, String cookie) throws Exception {
        Path xauth = dir.resolve("xauth");
        assertThat(new ProcessBuilder(
                                "xauth", "-f", xauth.toString(), "add", ":" + display, "MIT-MAGIC-COOKIE-1", cookie)
                        .redirectErrorStream(true)
                        .start()
                        .waitFor())
                .isZero();
        Files.createDirectories(dir.resolve("a"));
        Path opts = dir.resolve("a/opts");
        Files.writeString(
                opts,
                "nx/nx,link=lan,pack=16m-jpeg-9,cache=8M,images=32M,cookie=" + cookie + ",listen="
                        + port + ",loopback=1,root=" + dir.resolve("a") + ",errors=" + dir.resolve("a/errors") + ":"
                        + display + "\n");
        Path out = dir.resolve("nxagent.out");
        start(
                out,
                "nxagent",
                "-D",
                "-nolisten",
                "tcp",
                "-auth",
                xauth.toString(),
                "-display",
                "nx/nx,options=" + opts + ":" + display,
                ":" + display);
        waitFor(Duration.ofSeconds(60), () -> contains(out, "Waiting for connection"));
    }

    private void start(Path out, String... command) throws IOException {
        processes.add(new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start());
    }

    private static String pixel(int display, Path shot) {
        try {
            Process p = new ProcessBuilder(
                            "sh",
                            "-c",
                            "import -window root -display :" + display + " " + shot + " && convert " + shot
                                    + " -format '%[pixel:p{400,300}]' info:")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.exists(file)
                    && Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitFor(Duration limit, java.util.function.BooleanSupplier condition) throws Exception {
        await().atMost(limit).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
