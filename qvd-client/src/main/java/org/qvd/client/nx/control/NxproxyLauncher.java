package org.qvd.client.nx.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.qvd.client.session.entity.Link;

/**
 * Runs {@code nxproxy -S} (the viewer side of NX: it draws on $DISPLAY and connects out) against the
 * forwarded port: {@code nx/nx,link=…,cookie=…,connect=127.0.0.1,port=…,retry=…,root=…,errors=…:40}.
 */
public final class NxproxyLauncher implements NxViewer {

    /** Session "display" number; with an explicit port nxproxy only uses it in names (QVD 4 used 40). */
    static final int SESSION_DISPLAY = 40;

    private static final int RETRIES = 5;
    /** Old session directories (nxproxy's files and log) kept for diagnostics. */
    private static final int KEPT_SESSIONS = 10;

    private final String executable;
    private final Path rootBase;
    private final String display;

    public NxproxyLauncher(String executable, Path rootBase, String display) {
        this.executable = executable;
        this.rootBase = rootBase;
        this.display = display;
    }

    /** The single options argument, e.g. for a test or a log line (the cookie is part of it: never log it). */
    public static String options(Link link, String cookie, int localPort, Path root) {
        StringBuilder opts = new StringBuilder("nx/nx,link=").append(link.wire());
        if (cookie != null) {
            opts.append(",cookie=").append(cookie);
        }
        opts.append(",connect=127.0.0.1,port=")
                .append(localPort)
                .append(",retry=")
                .append(RETRIES)
                .append(",root=")
                .append(root)
                .append(",errors=")
                .append(root.resolve("errors"))
                .append(':')
                .append(SESSION_DISPLAY);
        return opts.toString();
    }

    public List<String> command(Link link, String cookie, int localPort, Path root) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.add("-S");
        command.add(options(link, cookie, localPort, root));
        return command;
    }

    @Override
    public RunningViewer start(int localPort, String cookie, Link link) throws IOException {
        if (display == null || display.isBlank()) {
            throw new IOException("no X display to draw on: DISPLAY is not set");
        }
        Files.createDirectories(rootBase);
        SessionDirectories.prune(rootBase, KEPT_SESSIONS);
        Path root = Files.createTempDirectory(rootBase, "session-");
        Path log = root.resolve("nxproxy.log");
        ProcessBuilder builder = new ProcessBuilder(command(link, cookie, localPort, root))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("DISPLAY", display);
        env.put("NX_CLIENT", "/bin/false"); // as QVD 4: no NoMachine dialogs from nxproxy
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(
                    "cannot run " + executable + " (install the nxproxy package or pass --nxproxy): " + e.getMessage(),
                    e);
        }
        Thread reaper = new Thread(process::destroyForcibly, "nxproxy-reaper");
        Runtime.getRuntime().addShutdownHook(reaper); // Ctrl+C on the client must not leave nxproxy behind
        return new Running(process, log, reaper);
    }

    private record Running(Process process, Path log, Thread reaper) implements RunningViewer {

        @Override
        public boolean alive() {
            return process.isAlive();
        }

        @Override
        public String diagnostics() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                List<String> tail = lines.subList(Math.max(0, lines.size() - 8), lines.size());
                return "nxproxy " + (process.isAlive() ? "is running" : "exited with " + process.exitValue())
                        + "; its log " + log + " ends with:\n  " + String.join("\n  ", tail);
            } catch (IOException e) {
                return "nxproxy log " + log + " is not readable";
            }
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook does the work
            }
            process.destroy();
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
