package org.qvd.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker/compose.yaml as an operator runs it: images built by docker/build.sh (the local Debian base where no registry
 * answers), {@code up -d}, {@code down -v}; every port shifted by one offset ({@code qvd.docker.port.offset}, 700) so
 * the tier runs beside others. Times of each step are printed as {@code FIGURE} lines.
 */
final class ComposeCluster implements AutoCloseable {
    static final List<String> SERVICES = List.of("init", "postgres", "node1", "node2", "haproxy", "hkd");
    static final String HOST = "docker-hkd";

    private final Path root;
    private final Path artifacts;
    private final int offset;
    private final String superadminPassword;
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean up;

    ComposeCluster(Path root, Path artifacts, int offset) {
        this.root = root;
        this.artifacts = artifacts;
        this.offset = offset;
        this.superadminPassword = randomPassword();
        env.put("QVD_COMPOSE_PROJECT", "qvd-test-" + offset);
        env.put("QVD_COMPOSE_OVERRIDE", root.resolve("docker/compose.test.yaml").toString());
        env.put("QVD_IMAGE_TAG", "test"); // an operator's "latest" images on the same machine stay as they are
        env.put("QVD_PG_PORT", Integer.toString(5432 + offset));
        env.put("QVD_NODE1_OFFSET", Integer.toString(offset + 10));
        env.put("QVD_NODE2_OFFSET", Integer.toString(offset + 60));
        env.put("QVD_BALANCER_L7R_PORT", Integer.toString(l7rPort()));
        env.put("QVD_BALANCER_HTTPS_PORT", Integer.toString(httpsPort()));
        env.put("QVD_BALANCER_STATS", "127.0.0.1:" + statsPort());
        env.put("QVD_HKD_HOST", HOST);
        // the tier checks the cluster, not guests: the agent uses libvirt's test driver (no second libvirtd on the
        // host)
        env.put("QVD_HKD_LIBVIRT_URI", "test:///default");
        env.put("QVD_SUPERADMIN_PASSWORD", superadminPassword);
    }

    int l7rPort() {
        return 8443 + offset;
    }

    int httpsPort() {
        return 9443 + offset;
    }

    int statsPort() {
        return 8404 + offset;
    }

    String superadminPassword() {
        return superadminPassword;
    }

    /** make-base.sh alone (the local Debian base; a no-op when the image exists): seconds taken. */
    long makeBase() throws IOException, InterruptedException {
        return timed("base image", List.of("docker/make-base.sh"), Duration.ofMinutes(15));
    }

    /** docker/build.sh: every image of the compose file from this build's outputs; seconds taken. */
    long build() throws IOException, InterruptedException {
        return timed("image builds", List.of("docker/build.sh"), Duration.ofMinutes(20));
    }

    /** {@code up -d}: returns once compose has started every service (node2 after node1 is healthy); seconds. */
    long up() throws IOException, InterruptedException {
        up = true;
        // a run that died half-way left its containers (they restart with the daemon) and volumes: start clean
        Commands.run(
                List.of("docker/compose.sh", "down", "-v", "--remove-orphans"),
                env,
                root,
                artifacts.resolve("compose.log"),
                Duration.ofMinutes(5));
        return timed("compose up -d", List.of("docker/compose.sh", "up", "-d", "--no-build"), Duration.ofMinutes(15));
    }

    /** A file of the secrets volume, read through node1 (e.g. {@code tls/ca.pem}). */
    String secret(String file) throws IOException, InterruptedException {
        return Commands.output(
                List.of("docker/compose.sh", "exec", "-T", "node1", "cat", "/run/qvd-secrets/" + file),
                env,
                root,
                artifacts.resolve("compose.log"));
    }

    /** Stops one service as an operator would ({@code stop}: SIGTERM, then its grace period). */
    void stop(String service) throws IOException, InterruptedException {
        Commands.run(
                List.of("docker/compose.sh", "stop", service),
                env,
                root,
                artifacts.resolve("compose.log"),
                Duration.ofMinutes(3));
    }

    private long timed(String what, List<String> command, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Commands.run(command, env, root, artifacts.resolve("compose.log"), timeout);
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.out.println("FIGURE docker " + what + ": " + seconds + " s");
        return seconds;
    }

    /** Keeps every service's log in the artifacts, then removes the containers and their volumes (images stay). */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!up) {
            return;
        }
        Files.createDirectories(artifacts);
        for (String service : SERVICES) {
            Commands.run(
                    List.of("docker/compose.sh", "logs", "--no-color", service),
                    env,
                    root,
                    artifacts.resolve(service + ".log"),
                    Duration.ofMinutes(1));
        }
        Commands.run(
                List.of("docker/compose.sh", "down", "-v", "--remove-orphans"),
                env,
                root,
                artifacts.resolve("compose.log"),
                Duration.ofMinutes(5));
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
