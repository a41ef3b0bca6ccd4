package org.qvd.vma.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs short system commands (useradd, blkid, mkfs, mount, kill) as argument lists. Never through a
 * shell: a parameter can only ever be one argument.
 */
public final class Commands {
    private static final Logger LOG = Logger.getLogger(Commands.class.getName());

    /** Exit code and combined output of a finished command. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private Commands() {}

    public static Result run(List<String> command, int timeoutSeconds) throws IOException {
        LOG.fine(() -> "run " + command);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        try (InputStream in = process.getInputStream()) {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out after " + timeoutSeconds + " s: " + command.get(0));
            }
            return new Result(process.exitValue(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted: " + command.get(0), e);
        }
    }

    /** Runs a command that must succeed; its output goes into the exception otherwise. */
    public static String require(List<String> command, int timeoutSeconds) throws IOException {
        Result result = run(command, timeoutSeconds);
        if (!result.ok()) {
            throw new IOException(command.get(0) + " failed (" + result.exitCode() + "): " + result.output());
        }
        return result.output();
    }

    /** Sends a signal by pid: the JDK only knows TERM and KILL, nxagent needs HUP to suspend/resume. */
    public static void signal(long pid, String signal) throws IOException {
        require(List.of("kill", "-" + signal, Long.toString(pid)), 5);
    }
}
