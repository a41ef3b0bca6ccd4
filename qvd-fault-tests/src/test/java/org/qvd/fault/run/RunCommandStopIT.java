package org.qvd.fault.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qvd.fault.platform.FaultSystem;
import org.qvd.fault.platform.Figures;

/**
 * Fault 4 of issue 13: the run command (the launcher jar, as {@code ./qvd run} executes it, in its own process
 * group like a terminal's foreground job) stopped with Ctrl-C (SIGINT to the whole group) or SIGTERM (to the
 * launcher alone, as a service manager does). WildFly, PostgreSQL and the local HKD must all be gone within
 * seconds, and the banner must tell the user that desktop VMs outlive the run unless {@code --stop-vms-on-exit}.
 * The agent's libvirt is the test driver loaded from a node file that holds a running desktop VM's domain
 * ({@value #DESKTOP_VM}) beside another guest: the run command must name it when it leaves it running, and destroy it
 * with the option (the test driver keeps each process's state apart, so nothing real is destroyed).
 */
class RunCommandStopIT {

    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private static final String DESKTOP_VM = "qvd-vm-7";

    @Test
    void ctrlCStopsWildflyPostgresqlAndTheAgentWithinSeconds() throws Exception {
        Path home = FaultSystem.home("RunCommandStopIT-ctrl-c");
        try (Launcher launcher = Launcher.start(home, List.of())) {
            assertThat(launcher.output()).contains("--stop-vms-on-exit stops them too");
            launcher.partsRunning();
            Instant sent = Instant.now();
            launcher.signalGroup("INT");
            Duration took = launcher.awaitAllGone(STOP_LIMIT);
            Figures.print("run-stop", "Ctrl-C to every part gone", took);
            assertThat(launcher.output())
                    .contains("qvd: stopped in")
                    .contains("qvd: 1 desktop VM(s) keep running in libvirt (" + Launcher.libvirtUri(home) + "): "
                            + DESKTOP_VM + ". The next ./qvd run takes them over")
                    .contains("or run './qvd run --stop-vms-on-exit' next time.")
                    .doesNotContain("other-guest");
            await("nothing of the system comes back")
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> launcher.parts().isEmpty());
            assertThat(Duration.between(sent, Instant.now())).isLessThan(STOP_LIMIT);
        }
    }

    @Test
    void sigtermStopsEverythingAndTheOptionIsAnnounced() throws Exception {
        Path home = FaultSystem.home("RunCommandStopIT-sigterm");
        try (Launcher launcher = Launcher.start(home, List.of("--stop-vms-on-exit"))) {
            assertThat(launcher.output()).contains("desktop VMs are stopped with it: --stop-vms-on-exit");
            launcher.partsRunning();
            launcher.signalLauncher("TERM");
            Duration took = launcher.awaitAllGone(STOP_LIMIT);
            Figures.print("run-stop", "SIGTERM (--stop-vms-on-exit, one desktop VM) to every part gone", took);
            assertThat(launcher.output())
                    .contains("qvd: stopped in")
                    .contains("qvd: stopping the desktop VMs " + DESKTOP_VM + " (--stop-vms-on-exit)...")
                    .doesNotContain("keep running in libvirt");
        }
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() throws Exception {
        Path home = FaultSystem.home("RunCommandStopIT-usage");
        Process p = Launcher.process(home, List.of("--stop-vm-on-exit"));
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(Files.readString(home.resolve("launcher.out")))
                .contains("unknown option '--stop-vm-on-exit'")
                .contains("usage: ./qvd run [--stop-vms-on-exit]");
    }

    /** The launcher jar run as {@code ./qvd run} runs it, in a session of its own (setsid). */
    private record Launcher(Path home, Process process) implements AutoCloseable {

        static Launcher start(Path home, List<String> args) throws Exception {
            Launcher launcher = new Launcher(home, process(home, args));
            await("started within 400 s")
                    .atMost(Duration.ofSeconds(400))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(launcher.process.isAlive())
                                .as("launcher alive; output:\n%s", launcher.output())
                                .isTrue();
                        assertThat(launcher.output()).contains("QVD is running");
                    });
            return launcher;
        }

        static Process process(Path home, List<String> args) throws IOException {
            if (Files.exists(home)) {
                try (var paths = Files.walk(home)) {
                    for (Path p :
                            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(home);
            Files.writeString(home.resolve("libvirt-node.xml"), NODE);
            Path jar = FaultSystem.sourceRoot().resolve("qvd-launcher/target/qvd-launcher.jar");
            // perl (Debian's essential perl-base) resets SIGINT to its default first: a test run started with SIGINT
            // ignored (a background job of a non-interactive shell) would pass that on, and a JVM keeps it ignored
            List<String> command = new java.util.ArrayList<>(List.of(
                    "setsid",
                    "perl",
                    "-e",
                    "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"cannot start $ARGV[0]: $!\"",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString()));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("launcher.out").toFile());
            Map<String, String> env = pb.environment();
            env.putAll(FaultSystem.environment(home, Map.of("QVD_HKD_LIBVIRT_URI", libvirtUri(home))));
            return pb.start();
        }

        /** libvirt's test driver loaded from the home's node file: one desktop VM and one other guest run. */
        static String libvirtUri(Path home) {
            return "test://" + home.resolve("libvirt-node.xml");
        }

        static final String NODE = "<node><cpu><mhz>2000</mhz><model>x86_64</model><nodes>1</nodes><sockets>1</sockets>"
                + "<cores>2</cores><threads>1</threads></cpu><memory>8388608</memory>"
                + "<domain type='test'><name>" + DESKTOP_VM + "</name><uuid>6695eb01-f6a4-8304-79aa-97f2502e1930</uuid>"
                + "<memory>262144</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>"
                + "<domain type='test'><name>other-guest</name><memory>262144</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64'>hvm</type></os></domain></node>\n";

        String output() throws IOException {
            Path out = home.resolve("launcher.out");
            return Files.exists(out) ? Files.readString(out) : "";
        }

        /** PostgreSQL, WildFly and the agent: every process whose command line names this system's home. */
        List<ProcessHandle> parts() {
            String marker = home.toString();
            return ProcessHandle.allProcesses()
                    .filter(p -> p.pid() != process.pid())
                    .filter(p ->
                            p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                    .toList();
        }

        List<ProcessHandle> partsRunning() {
            List<ProcessHandle> parts = parts();
            List<String> lines =
                    parts.stream().map(p -> p.info().commandLine().orElse("")).toList();
            assertThat(lines)
                    .as("the parts of the running system")
                    .anyMatch(c -> c.contains("postgres"))
                    .anyMatch(c -> c.contains("jboss.server.base.dir"))
                    .anyMatch(c -> c.contains("hkd.conf"));
            return parts;
        }

        void signalGroup(String signal) throws Exception {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid())
                    .inheritIO()
                    .start()
                    .waitFor();
        }

        void signalLauncher(String signal) throws Exception {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        }

        Duration awaitAllGone(Duration limit) throws Exception {
            Instant start = Instant.now();
            await("launcher and its parts gone within " + limit.toSeconds() + " s")
                    .atMost(limit)
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        assertThat(process.isAlive())
                                .as("launcher alive; output:\n%s", output())
                                .isFalse();
                        assertThat(parts())
                                .as(
                                        "left: %s",
                                        parts().stream()
                                                .map(p -> p.info().commandLine().orElse("?"))
                                                .toList())
                                .isEmpty();
                    });
            return Duration.between(start, Instant.now());
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            parts().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
