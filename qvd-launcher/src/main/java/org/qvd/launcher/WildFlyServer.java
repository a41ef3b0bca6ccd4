package org.qvd.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The provisioned WildFly, run with its own base directory under QVD_HOME so the build tree stays
 * untouched and the keystore, logs and data survive a rebuild. The provisioned configuration is copied
 * in at every start, so a re-provisioned server takes effect at the next run.
 */
final class WildFlyServer implements AutoCloseable {
    private static final List<String> CONFIG_FROM_PROVISIONING =
            List.of("standalone-full.xml", "standalone-full-ha.xml", "logging.properties");
    /** The single-node configuration; cluster nodes run {@link #CLUSTER_CONFIG} (docs/cluster.md). */
    static final String SINGLE_CONFIG = "standalone-full.xml";

    static final String CLUSTER_CONFIG = "standalone-full-ha.xml";
    /**
     * The JVM's memory, sized on purpose so a node stays within 1 GB RSS under a farm of 1,000 hosts (docs/server.md,
     * "Memory"): the heap's live set there is ~270 MB, so 448 MB (WildFly's default is 512) leaves the collector room;
     * the parallel collector, because G1's own structures took 61 MB beside that heap; metaspace (~230 MB for the EAR's
     * 43,000 classes), the code cache (~70 MB used) and direct memory (the broker's and TLS buffers, ~25 MB) capped so
     * that a leak fails loudly instead of growing the process. An operator's own JBOSS_JAVA_SIZING (or JAVA_OPTS) wins.
     */
    static final String JAVA_SIZING = "-Xms128m -Xmx448m -XX:+UseParallelGC -XX:MaxMetaspaceSize=320m"
            + " -XX:ReservedCodeCacheSize=128m -XX:MaxDirectMemorySize=128m";

    private final Path baseDir;
    private final Process process;

    private WildFlyServer(Path baseDir, Process process) {
        this.baseDir = baseDir;
        this.process = process;
    }

    static WildFlyServer start(LauncherConfig config, Map<String, String> systemProperties, Map<String, String> env) {
        return start(config, baseDir(config), SINGLE_CONFIG, systemProperties, env);
    }

    /** Starts the server with its base directory {@code baseDir} (see {@link #prepare(LauncherConfig, Path)}). */
    static WildFlyServer start(
            LauncherConfig config,
            Path baseDir,
            String serverConfig,
            Map<String, String> systemProperties,
            Map<String, String> env) {
        List<String> command = new java.util.ArrayList<>(List.of(
                config.wildflyHome().resolve("bin/standalone.sh").toString(),
                "-c",
                serverConfig,
                "-Djboss.server.base.dir=" + baseDir));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        baseDir.resolve("log/console.log").toFile()));
        pb.environment().putAll(env);
        // lets standalone.sh forward SIGTERM to the server, so Ctrl-C stops it gracefully
        pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        pb.environment().putIfAbsent("JBOSS_JAVA_SIZING", JAVA_SIZING);
        try {
            return new WildFlyServer(baseDir, pb.start());
        } catch (IOException e) {
            throw new LauncherException("cannot start WildFly from " + config.wildflyHome() + ": " + e.getMessage(), e);
        }
    }

    Path consoleLog() {
        return baseDir.resolve("log/console.log");
    }

    /** Waits for the deployment scanner's verdict on qvd.ear. */
    void awaitDeployment(Duration timeout) {
        Path deployments = baseDir.resolve("deployments");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(deployments.resolve("qvd.ear.deployed"))) {
                return;
            }
            if (Files.exists(deployments.resolve("qvd.ear.failed"))) {
                throw new LauncherException("qvd.ear failed to deploy, see " + consoleLog() + " and "
                        + deployments.resolve("qvd.ear.failed"));
            }
            if (!process.isAlive()) {
                throw new LauncherException(
                        "WildFly exited with code " + process.exitValue() + ", see " + consoleLog());
            }
            sleep(500);
        }
        throw new LauncherException("qvd.ear not deployed after " + timeout.toSeconds() + " s, see " + consoleLog());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the server's JVM (a child of standalone.sh), then to the script: no shutdown hook runs. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static Path baseDir(LauncherConfig config) {
        return config.home().resolve("wildfly");
    }

    /** Lays out the server's base directory: configuration from provisioning, qvd.ear for the scanner. */
    static Path prepare(LauncherConfig config) {
        return prepare(config, baseDir(config));
    }

    /** The same for a base directory of its own (a cluster node's). */
    static Path prepare(LauncherConfig config, Path baseDir) {
        prepareBaseDir(config.wildflyHome(), baseDir, config.ear());
        return baseDir;
    }

    /** The JVM's process id, for a test that kills it from outside as an operator would ({@code kill -9}). */
    java.util.Optional<Long> serverPid() {
        return process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid)
                .findFirst();
    }

    private static void prepareBaseDir(Path wildflyHome, Path baseDir, Path ear) {
        Path provisioned = wildflyHome.resolve("standalone");
        if (!Files.isRegularFile(provisioned.resolve("configuration/" + CLUSTER_CONFIG))) {
            throw new LauncherException(
                    "no provisioned WildFly at " + wildflyHome + " (build it: mvn install -DskipTests)");
        }
        if (!Files.isRegularFile(ear)) {
            throw new LauncherException("no EAR at " + ear + " (build it: mvn install -DskipTests)");
        }
        try {
            if (!Files.isDirectory(baseDir.resolve("configuration"))) {
                copyTree(provisioned.resolve("configuration"), baseDir.resolve("configuration"));
            }
            for (String file : CONFIG_FROM_PROVISIONING) {
                Files.copy(
                        provisioned.resolve("configuration").resolve(file),
                        baseDir.resolve("configuration").resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Path deployments = Files.createDirectories(baseDir.resolve("deployments"));
            try (Stream<Path> old = Files.list(deployments)) {
                for (Path p : old.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.createDirectories(baseDir.resolve("log"));
            Files.copy(ear, deployments.resolve("qvd.ear"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LauncherException("cannot prepare " + baseDir + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while waiting for WildFly");
        }
    }
}
