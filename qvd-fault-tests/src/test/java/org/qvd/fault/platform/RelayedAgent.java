package org.qvd.fault.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.qvd.launcher.QvdSystem;

/**
 * A second real host agent of the running system (the agent jar of the build, its own host name and broker account,
 * issued as docs/server.md tells an operator, libvirt's test driver) whose broker connection goes through a
 * {@link BrokerRelay}, so a test can cut what the agent tells the broker while the broker still delivers to it.
 */
public final class RelayedAgent implements AutoCloseable {

    private final String hostName;
    private final Path log;
    private final Process process;

    private RelayedAgent(String hostName, Path log, Process process) {
        this.hostName = hostName;
        this.log = log;
        this.process = process;
    }

    /** Starts the agent for host {@code hostName}, its files under {@code dir}, its broker reached through {@code relay}. */
    public static RelayedAgent start(QvdSystem system, String hostName, BrokerRelay relay, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        String brokerUrl =
                system.brokerUrl().replace("127.0.0.1:" + system.httpsPort() + "?", "127.0.0.1:" + relay.port() + "?");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-Dhkd.host.name=" + hostName,
                "-Dhkd.broker.urls=" + brokerUrl,
                "-Dhkd.broker.password=" + system.issueAgentAccount(hostName),
                // back within seconds of the server's return, not after a backoff grown to 30 s while it was down
                "-Dhkd.broker.reconnect.max=3s",
                "-Dhkd.libvirt.uri=test:///default",
                "-Dhkd.libvirt.domain-type=qemu",
                "-Dhkd.storage.images=" + dir.resolve("images"),
                "-Dhkd.storage.overlays=" + dir.resolve("overlays"),
                "-Dhkd.storage.homes=" + dir.resolve("homes"),
                "-Dhkd.heartbeat.period=1s",
                "-jar",
                agentJar(system).toString(),
                "--config",
                dir.resolve("absent.conf").toString()));
        Path log = dir.resolve("hkd-" + hostName + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new RelayedAgent(hostName, log, process);
    }

    public String hostName() {
        return hostName;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The lines of the agent's log that contain {@code text}. */
    public List<String> logLines(String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private static Path agentJar(QvdSystem system) throws IOException {
        Path target = system.config().sourceRoot().resolve("qvd-hkd-agent/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("qvd-hkd-agent-.*-all\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the HKD jar is not built in " + target));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
