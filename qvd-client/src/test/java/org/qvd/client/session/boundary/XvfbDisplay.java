package org.qvd.client.session.boundary;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** A real Xvfb X server on a free display number, for the viewer side of NX in tests. */
final class XvfbDisplay implements AutoCloseable {

    private final int number;
    private final Process process;

    private XvfbDisplay(int number, Process process) {
        this.number = number;
        this.process = process;
    }

    static XvfbDisplay start(Path logDir) throws IOException, InterruptedException {
        for (int n = 150 + (int) (ProcessHandle.current().pid() % 40); n < 250; n++) {
            if (displayInUse(n) || displayInUse(n + 1)) {
                continue;
            }
            Process xvfb = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                    .redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("xvfb-" + n + ".log").toFile())
                    .start();
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            try {
                await().atMost(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> !xvfb.isAlive() || Files.exists(socket)); // up, or lost the display to another
            } catch (ConditionTimeoutException e) {
                // neither: try the next display
            }
            if (xvfb.isAlive() && Files.exists(socket)) {
                return new XvfbDisplay(n, xvfb);
            }
            xvfb.destroyForcibly();
        }
        throw new IOException("no free X display for Xvfb");
    }

    private static boolean displayInUse(int n) {
        return Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"));
    }

    /** The display number; the next one is kept free too (the far-side NX proxy uses it). */
    int number() {
        return number;
    }

    String display() {
        return ":" + number;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
