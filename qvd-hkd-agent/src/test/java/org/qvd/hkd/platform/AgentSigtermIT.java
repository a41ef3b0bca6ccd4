package org.qvd.hkd.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qvd.testsupport.RequiredResource;

/**
 * Issue 13: SIGTERM ends the agent process within 5 s even when the broker is unreachable: here a "broker"
 * that accepts TCP connections and never answers (a half-dead server or a firewall swallowing packets), where
 * a connection attempt hangs in Artemis. The real agent jar, as systemd runs it.
 */
class AgentSigtermIT {

    @Test
    void sigtermEndsTheAgentWithin5sWhileItTriesASilentBroker(@TempDir Path dir) throws Exception {
        Path jar = agentJar();
        List<Socket> swallowed = new CopyOnWriteArrayList<>();
        try (ServerSocket silentBroker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silentBroker.isClosed()) {
                    try {
                        swallowed.add(silentBroker.accept()); // keep it open, never answer
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path log = dir.resolve("hkd.log");
            Process agent = new ProcessBuilder(
                            javaBinary(),
                            "-Xmx64m",
                            "-Dhkd.host.name=sigterm-node",
                            "-Dhkd.libvirt.uri=" + TestHypervisor.testDriverUri(),
                            "-Dhkd.libvirt.domain-type=qemu",
                            "-Dhkd.broker.urls=tcp://127.0.0.1:" + silentBroker.getLocalPort(),
                            "-Dhkd.state.dir=" + dir.resolve("state"),
                            "-jar",
                            jar.toString(),
                            "--config",
                            dir.resolve("absent.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                awaitConnectionAttempt(swallowed, agent, log);
                Thread.sleep(500); // inside the hanging connection attempt

                Instant sigterm = Instant.now();
                agent.destroy(); // SIGTERM
                boolean ended = agent.waitFor(10, TimeUnit.SECONDS);
                Duration took = Duration.between(sigterm, Instant.now());
                System.out.println("agent ended " + took.toMillis() + " ms after SIGTERM with the broker silent");

                assertThat(ended)
                        .as("agent still running 10 s after SIGTERM; log:%n%s", Files.readString(log))
                        .isTrue();
                assertThat(took).as(Files.readString(log)).isLessThan(Duration.ofSeconds(5));
            } finally {
                agent.destroyForcibly();
                for (Socket socket : swallowed) {
                    socket.close();
                }
            }
        }
    }

    private static void awaitConnectionAttempt(List<Socket> swallowed, Process agent, Path log) throws Exception {
        await("a connection attempt")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    assertThat(agent.isAlive())
                            .as("agent died: %s", Files.readString(log))
                            .isTrue();
                    assertThat(swallowed)
                            .as("no connection attempt; log: %s", Files.readString(log))
                            .isNotEmpty();
                });
    }

    private static Path agentJar() throws IOException {
        Path target = Path.of("target");
        try (Stream<Path> files = Files.list(target)) {
            Path jar = files.filter(p -> p.getFileName().toString().matches("qvd-hkd-agent-.*-all\\.jar"))
                    .findFirst()
                    .orElse(null);
            RequiredResource.present(jar != null, "the shaded agent jar is not built (package phase)");
            return jar;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
