package org.qvd.system.l7r;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qvd.testsupport.RequiredResource;

/**
 * A STAND-IN for the VNC side of a VM's desktop, on this machine: an Xvfb display with an xterm (white, at +40+40, a
 * shell in it) and a real {@code x11vnc} serving it as the VMA's would ({@code -xkb}, clipboard both ways), so the
 * browser desktop's page, relay and noVNC run for real against it. {@code xdotool} works the desktop's side.
 * Skipped, saying why, without Xvfb, xterm, x11vnc or xdotool.
 */
final class HostVncDesktop implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final int display;
    private final int port;
    private final Path dir;

    private HostVncDesktop(int display, int port, Path dir) {
        this.display = display;
        this.port = port;
        this.dir = dir;
    }

    static HostVncDesktop start(int display, int port, Path dir) throws Exception {
        for (String tool : List.of("Xvfb", "xterm", "x11vnc", "xdotool")) {
            RequiredResource.present(
                    Files.isExecutable(Path.of("/usr/bin", tool)),
                    () -> tool + " is not installed (apt-get install " + "xvfb xterm x11vnc xdotool)");
        }
        Files.createDirectories(dir);
        HostVncDesktop desktop = new HostVncDesktop(display, port, dir);
        try {
            desktop.run("xvfb", "Xvfb", ":" + display, "-screen", "0", "1280x800x24", "-nolisten", "tcp");
            desktop.awaitDisplay();
            desktop.run("xterm", "xterm", "-geometry", "100x30+40+40", "-e", "/bin/bash", "--norc", "--noprofile");
            desktop.run(
                    "x11vnc",
                    "x11vnc",
                    "-display",
                    ":" + display,
                    "-rfbport",
                    Integer.toString(port),
                    "-localhost",
                    "-forever",
                    "-shared",
                    "-nopw",
                    "-xkb",
                    "-noxrecord",
                    "-norc",
                    "-nossl",
                    "-noshm");
            desktop.awaitPort();
            return desktop;
        } catch (Exception e) {
            desktop.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Clicks into the xterm and types a command line there (as the user at the VM's own screen would). */
    void typeInTerminal(String... keys) throws Exception {
        xdotool("mousemove", "300", "200", "click", "1");
        for (String key : keys) {
            if (key.startsWith("key:")) {
                xdotool("key", key.substring(4));
            } else {
                xdotool("type", "--delay", "20", key);
            }
        }
    }

    /** A double click at a point of the desktop (xterm selects the word there: the X selection). */
    void doubleClick(int x, int y) throws Exception {
        xdotool("mousemove", Integer.toString(x), Integer.toString(y), "click", "--repeat", "2", "1");
    }

    private void xdotool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("xdotool.log").toFile()));
        builder.environment().put("DISPLAY", ":" + display);
        Process p = builder.start();
        p.getOutputStream().close();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("xdotool " + String.join(" ", args) + " failed");
        }
    }

    private void run(String name, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve(name + ".log").toFile()));
        builder.environment().put("DISPLAY", ":" + display);
        builder.environment().put("HOME", dir.toString());
        Process p = builder.start();
        p.getOutputStream().close();
        processes.add(p);
    }

    private void awaitDisplay() throws Exception {
        Path socket = Path.of("/tmp/.X11-unix/X" + display);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(socket)) {
            throw new IllegalStateException("Xvfb :" + display + " did not start (see " + dir + "/xvfb.log)");
        }
    }

    private void awaitPort() throws Exception {
        for (int i = 0; i < 150; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("x11vnc did not listen on " + port + " (see " + dir + "/x11vnc.log)");
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }
}
