package org.qvd.guest.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user's client exactly as the run command prints it ({@code qvd-client/target/dist/qvd-client}), on an X
 * display, trusting the server on first use, its output in a log file.
 */
public final class ClientProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ClientProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ClientProcess connect(
            XDisplay display, int l7rPort, String login, String password, long vmId, Path workDir, String name)
            throws IOException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(
                        GuestSystem.SOURCE_ROOT
                                .resolve("qvd-client/target/dist/qvd-client")
                                .toString(),
                        "--host",
                        "localhost:" + l7rPort,
                        "--user",
                        login,
                        "--vm",
                        Long.toString(vmId),
                        "--geometry",
                        "1024x700",
                        "--link",
                        "lan",
                        "--accept-new-server",
                        "--known-servers",
                        workDir.resolve("known_servers").toString(),
                        "--timeout",
                        "600")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(display.env());
        pb.environment().put("QVD_PASSWORD", password);
        pb.environment().put("HOME", workDir.toString());
        return new ClientProcess(pb.start(), log);
    }

    /** The client's process (its nxproxy is a descendant), for what it costs the machine. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Whether it ended within the time (a client whose session was taken over ends by itself). */
    public boolean awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** Ends the client as a user closing it would: the client and its nxproxy go away, the L7R sees the drop. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static List<String> tools() {
        return List.of("Xvfb", "xdotool", "import", "nxproxy");
    }
}
