package org.qvd.hkd.container.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qvd.hkd.platform.HkdException;

/**
 * Runs the host's tools (lxc-*, mount, tar): argument lists, never a shell. An interface so that the container
 * driver's logic can be tested where LXC cannot run; the real one is {@link #SYSTEM}.
 */
public interface HostCommands {

    /** Exit code and the command's combined output (its last 4 KiB). */
    record Result(int exitCode, String output) {

        public boolean ok() {
            return exitCode == 0;
        }
    }

    Result run(List<String> command, Duration timeout);

    /** Runs the command and fails with its output when it does not succeed. */
    default String require(List<String> command, Duration timeout) {
        Result result = run(command, timeout);
        if (!result.ok()) {
            throw new HkdException(command.get(0) + " failed (exit " + result.exitCode() + "): "
                    + result.output().strip());
        }
        return result.output();
    }

    /**
     * The real tools. Output goes to a temporary file, not a pipe: lxc-start's daemonised monitor would otherwise
     * hold the pipe open and a read to its end would never return.
     */
    HostCommands SYSTEM = (command, timeout) -> {
        Path log = null;
        try {
            log = Files.createTempFile("qvd-hkd-cmd", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new HkdException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(process.exitValue(), text.length() > 4096 ? text.substring(text.length() - 4096) : text);
        } catch (IOException e) {
            throw new HkdException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HkdException("interrupted: the agent is shutting down");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // a temporary file of a few bytes: nothing to do about it
                }
            }
        }
    };
}
