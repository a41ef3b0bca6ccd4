package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code ./qvd run} supervises WildFly, with a stand-in {@code bin/standalone.sh} (a real shell script, real
 * child processes) in place of the server: the operator gets a clear message naming the console log when the
 * server dies or the EAR fails, a stop that ends the server, and a base directory whose own files survive a
 * rebuild while the provisioned configuration and the EAR are refreshed.
 */
class WildFlyServerWithStandInScriptTest {

    @TempDir
    Path dir;

    private LauncherConfig config() {
        return LauncherConfig.fromEnvironment(Map.of(
                "QVD_SOURCE_ROOT",
                dir.toString(),
                "QVD_HOME",
                dir.resolve("home").toString(),
                "QVD_WILDFLY_HOME",
                dir.resolve("wildfly").toString(),
                "QVD_EAR",
                dir.resolve("qvd.ear").toString()));
    }

    /** A provisioned-looking WildFly whose standalone.sh runs {@code body} in the server's place. */
    private LauncherConfig standIn(String body) throws Exception {
        Path configuration = Files.createDirectories(dir.resolve("wildfly/standalone/configuration"));
        for (String file : new String[] {"standalone-full.xml", "standalone-full-ha.xml", "logging.properties"}) {
            Files.writeString(configuration.resolve(file), "provisioned " + file);
        }
        Path script = Files.createDirectories(dir.resolve("wildfly/bin")).resolve("standalone.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("qvd.ear"), "ear v1");
        return config();
    }

    private static WildFlyServer started(LauncherConfig config) {
        WildFlyServer.prepare(config);
        return WildFlyServer.start(config, Map.of("qvd.node.id", "n1"), Map.of("QVD_X", "y"));
    }

    @Test
    void aServerThatDiesAtStartIsReportedWithItsExitCodeAndConsoleLog() throws Exception {
        LauncherConfig config = standIn("echo \"boot failed: $QVD_X\"; exit 3");
        try (WildFlyServer server = started(config)) {
            assertThatThrownBy(() -> server.awaitDeployment(Duration.ofSeconds(20)))
                    .isInstanceOf(LauncherException.class)
                    .hasMessage("WildFly exited with code 3, see " + server.consoleLog());
            assertThat(Files.readString(server.consoleLog())).contains("boot failed: y");
        }
    }

    @Test
    void aFailedDeploymentNamesTheMarkerAndTheLog() throws Exception {
        LauncherConfig config =
                standIn("touch \"${3#-Djboss.server.base.dir=}/deployments/qvd.ear.failed\"; exec sleep 30");
        try (WildFlyServer server = started(config)) {
            assertThatThrownBy(() -> server.awaitDeployment(Duration.ofSeconds(20)))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageStartingWith("qvd.ear failed to deploy, see " + server.consoleLog())
                    .hasMessageEndingWith("qvd.ear.failed");
        }
    }

    @Test
    void theServerGetsItsConfigurationPropertiesAndEnvironmentAndStopsWhenClosed() throws Exception {
        LauncherConfig config = standIn("echo \"args: $*\"; echo \"background: $LAUNCH_JBOSS_IN_BACKGROUND\"\n"
                + "touch \"${3#-Djboss.server.base.dir=}/deployments/qvd.ear.deployed\"\n"
                + "trap 'echo stopping; exit 0' TERM\nwhile true; do sleep 1; done");
        long begin;
        WildFlyServer server = started(config);
        try (server) {
            server.awaitDeployment(Duration.ofSeconds(20));
            assertThat(server.isAlive()).isTrue();
            begin = System.nanoTime();
        }
        assertThat(server.isAlive()).as("stopped by close()").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - begin))
                .as("a graceful stop, not the 90 s fallback")
                .isLessThan(Duration.ofSeconds(30));
        String console = Files.readString(server.consoleLog());
        assertThat(console)
                .contains("args: -c standalone-full.xml -Djboss.server.base.dir=" + WildFlyServer.baseDir(config)
                        + " -Dqvd.node.id=n1");
        assertThat(console).contains("background: true").contains("stopping");
    }

    @Test
    void preparingKeepsTheOperatorsFilesAndRefreshesTheProvisionedConfigurationAndTheEar() throws Exception {
        LauncherConfig config = standIn("exit 0");
        Path base = WildFlyServer.prepare(config);
        Path keystore = base.resolve("configuration/qvd.keystore");
        Files.writeString(keystore, "installation key");
        Files.writeString(base.resolve("deployments/old.war"), "left over");
        Files.writeString(dir.resolve("wildfly/standalone/configuration/standalone-full.xml"), "re-provisioned");
        Files.writeString(dir.resolve("qvd.ear"), "ear v2");

        WildFlyServer.prepare(config);

        assertThat(Files.readString(keystore)).isEqualTo("installation key");
        assertThat(Files.readString(base.resolve("configuration/standalone-full.xml")))
                .isEqualTo("re-provisioned");
        try (var deployed = Files.list(base.resolve("deployments"))) {
            assertThat(deployed.map(p -> p.getFileName().toString())).containsExactly("qvd.ear");
        }
        assertThat(Files.readString(base.resolve("deployments/qvd.ear"))).isEqualTo("ear v2");
    }

    @Test
    void withoutABuildTheOperatorIsToldWhatToBuild() throws Exception {
        assertThatThrownBy(() -> WildFlyServer.prepare(config()))
                .isInstanceOf(LauncherException.class)
                .hasMessage(
                        "no provisioned WildFly at " + dir.resolve("wildfly") + " (build it: mvn install -DskipTests)");
        standIn("exit 0");
        Files.delete(dir.resolve("qvd.ear"));
        assertThatThrownBy(() -> WildFlyServer.prepare(config()))
                .isInstanceOf(LauncherException.class)
                .hasMessage("no EAR at " + dir.resolve("qvd.ear") + " (build it: mvn install -DskipTests)");
    }
}
