package org.qvd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The host agent of a one-machine system: the HKD jar from the build, run as a child process with
 * {@code QVD_HOME/hkd/hkd.conf} and settings the launcher knows (broker URL with the real port, host name).
 */
final class LocalHkd implements AutoCloseable {
    /** The JVM options of the agent's start script (qvd-hkd-agent/src/main/dist/qvd-hkd; why: docs/hkd-agent.md). */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms4m",
            "-Xmx32m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:+UseSerialGC",
            "-Xss256k",
            "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1",
            "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=64m",
            "-XX:MaxDirectMemorySize=16m",
            "-Dio.netty.allocator.type=unpooled",
            "-XX:-UsePerfData");

    private final Process process;
    private final Path log;

    private LocalHkd(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The built agent jar, if the build produced one. */
    static Optional<Path> findJar(Path sourceRoot) {
        Path target = sourceRoot.resolve("qvd-hkd-agent/target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("qvd-hkd-agent-.*-all\\.jar"))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static LocalHkd start(Path jar, LauncherConfig config, List<String> settings) {
        Path dir = config.home().resolve("hkd");
        Path log = dir.resolve("hkd.log");
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(JVM_OPTIONS);
        settings.forEach(s -> command.add("-Dhkd." + s));
        // the system's own: tiers run agents one after another on this machine, never sharing what they took
        command.add("-Dhkd.state.dir=" + dir.resolve("state"));
        command.addAll(List.of(
                "-jar", jar.toString(), "--config", dir.resolve("hkd.conf").toString()));
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "1");
            Process process = builder.start();
            return new LocalHkd(process, log);
        } catch (IOException e) {
            throw new LauncherException("cannot start the local HKD: " + e.getMessage(), e);
        }
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Kills the agent without letting it say goodbye, as a crash or power loss would. */
    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
