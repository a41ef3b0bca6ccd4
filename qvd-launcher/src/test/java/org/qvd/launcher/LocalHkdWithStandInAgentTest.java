package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code ./qvd run} runs the local host agent, with a stand-in agent jar (compiled here, run as a real child
 * JVM) in place of the HKD: the build's jar is found, the agent gets the launcher's settings and its config file,
 * its output lands in {@code hkd.log}, a stop lets it say goodbye and a kill (a crash, for the fault tests) does not.
 */
class LocalHkdWithStandInAgentTest {

    private static final String AGENT = """
            public class Agent {
                public static void main(String[] args) throws Exception {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("goodbye")));
                    System.out.println("host " + System.getProperty("hkd.host.name") + " " + String.join(" ", args));
                    Thread.sleep(600_000); // a running agent, until the launcher stops or kills it
                }
            }
            """;

    @TempDir
    Path dir;

    private Path agentJar() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src")).resolve("Agent.java");
        Files.writeString(src, AGENT);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int compiled =
                ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(compiled).as("stand-in agent compiles").isZero();
        Path target = Files.createDirectories(dir.resolve("qvd-hkd-agent/target"));
        Files.writeString(target.resolve("qvd-hkd-agent-1.0.jar"), "not the shaded jar");
        Path jar = target.resolve("qvd-hkd-agent-1.0-all.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Agent");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Agent.class"));
            try (OutputStream entry = out) {
                Files.copy(classes.resolve("Agent.class"), entry);
            }
        }
        return jar;
    }

    private LauncherConfig config() {
        return LauncherConfig.fromEnvironment(Map.of(
                "QVD_SOURCE_ROOT",
                dir.toString(),
                "QVD_HOME",
                dir.resolve("home").toString()));
    }

    private static String awaitLog(LocalHkd hkd, String text) {
        AtomicReference<String> log = new AtomicReference<>("");
        await("'" + text + "' in " + hkd.log())
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    log.set(Files.exists(hkd.log()) ? Files.readString(hkd.log()) : "");
                    assertThat(log.get()).contains(text);
                });
        return log.get();
    }

    @Test
    void theBuildsShadedJarIsTheAgentAndNoBuildMeansNoLocalAgent() throws Exception {
        assertThat(LocalHkd.findJar(dir)).isEmpty();
        Path jar = agentJar();
        assertThat(LocalHkd.findJar(dir)).contains(jar);
    }

    @Test
    void theAgentGetsTheLaunchersSettingsAndAStopLetsItSayGoodbye() throws Exception {
        LauncherConfig config = config();
        LocalHkd hkd = LocalHkd.start(agentJar(), config, List.of("host.name=node-a"));
        try (hkd) {
            String log = awaitLog(hkd, "host node-a");
            assertThat(log).contains("host node-a --config " + config.home().resolve("hkd/hkd.conf"));
            assertThat(hkd.isAlive()).isTrue();
        }
        assertThat(hkd.isAlive()).isFalse();
        awaitLog(hkd, "goodbye");
    }

    @Test
    void aKilledAgentStopsAtOnceWithoutGoodbyeLikeACrash() throws Exception {
        LocalHkd hkd = LocalHkd.start(agentJar(), config(), List.of("host.name=node-b"));
        try (hkd) {
            awaitLog(hkd, "host node-b");
            hkd.kill();
            ProcessHandle.of(hkd.pid()).ifPresent(p -> p.onExit().join());
            assertThat(hkd.isAlive()).isFalse();
            assertThat(Files.readString(hkd.log())).doesNotContain("goodbye");
        }
    }
}
