package org.qvd.docker;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The Docker daemon the tier talks to: one that already answers, or one this run starts as root the way these machines
 * allow (no systemd, no iptables, no default bridge: every container uses the host's network), and stops again.
 * {@link #unavailable()} says why none can run; only then is the tier skipped.
 */
final class DockerEngine implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process started;
    private final String skipReason;

    private DockerEngine(Process started, String skipReason) {
        this.started = started;
        this.skipReason = skipReason;
    }

    static DockerEngine findOrStart(Path artifacts) throws IOException, InterruptedException {
        if (Commands.succeeds(List.of("docker", "info"), Duration.ofSeconds(30))) {
            return new DockerEngine(null, null);
        }
        if (!Commands.onPath("docker")) {
            return new DockerEngine(null, "the docker client is not installed (.ci/setup-machine installs docker.io)");
        }
        if (!Commands.onPath("dockerd")) {
            return new DockerEngine(
                    null, "no Docker daemon answers and dockerd is not installed (apt-get install docker.io)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return new DockerEngine(null, "no Docker daemon answers and only root can start one here");
        }
        Files.createDirectories(artifacts);
        Path log = artifacts.resolve("dockerd.log");
        Process dockerd = new ProcessBuilder("dockerd", "--iptables=false", "--ip6tables=false", "--bridge=none")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await("dockerd answering")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() ->
                            !dockerd.isAlive() || Commands.succeeds(List.of("docker", "info"), Duration.ofSeconds(10)));
        } catch (ConditionTimeoutException e) {
            // reported below with dockerd's log
        }
        if (dockerd.isAlive() && Commands.succeeds(List.of("docker", "info"), Duration.ofSeconds(10))) {
            System.out.println("docker tier: started dockerd (pid " + dockerd.pid() + ", log " + log + ")");
            return new DockerEngine(dockerd, null);
        }
        dockerd.destroy();
        dockerd.waitFor(20, TimeUnit.SECONDS);
        return new DockerEngine(null, "dockerd cannot run on this machine: " + Commands.tail(log, 5));
    }

    /** Why no daemon can run here, when none can. */
    Optional<String> unavailable() {
        return Optional.ofNullable(skipReason);
    }

    /** Stops the daemon if this run started it (its containers are gone by then; images stay as the cache). */
    @Override
    public void close() throws InterruptedException {
        if (started == null || !started.isAlive()) {
            return;
        }
        started.destroy();
        if (!started.waitFor(30, TimeUnit.SECONDS)) {
            started.destroyForcibly();
        }
    }
}
