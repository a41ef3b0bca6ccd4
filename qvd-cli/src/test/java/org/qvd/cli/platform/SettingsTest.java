package org.qvd.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final Settings.Overrides NONE = new Settings.Overrides(null, null, null, null, null, null, null);

    @TempDir
    Path home;

    @Test
    void readsTheConfigFileUnderTheHomeDirectory() throws Exception {
        Files.createDirectories(home.resolve(".config/qvd"));
        Files.writeString(
                home.resolve(".config/qvd/admin.conf"),
                "url=https://qvd:9443/api/\nlogin=ops@acme\n" + "password=pw\ninsecure=true\n");
        Settings s = Settings.resolve(NONE, Map.of(), home);
        assertThat(s.url()).isEqualTo("https://qvd:9443/api/v1");
        assertThat(s.login()).isEqualTo("ops@acme");
        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.insecure()).isTrue();
    }

    @Test
    void prefersOptionsOverEnvironmentOverFile() throws Exception {
        Files.createDirectories(home.resolve(".config/qvd"));
        Files.writeString(home.resolve(".config/qvd/admin.conf"), "login=file@t\nurl=https://file/api\n");
        Map<String, String> env = Map.of("QVD_ADMIN_LOGIN", "env@t", "QVD_API_URL", "https://env/api/v1");
        assertThat(Settings.resolve(NONE, env, home).login()).isEqualTo("env@t");
        assertThat(Settings.resolve(NONE, env, home).url()).isEqualTo("https://env/api/v1");
        Settings.Overrides cli = new Settings.Overrides(null, "cli@t", null, null, null, null, null);
        assertThat(Settings.resolve(cli, env, home).login()).isEqualTo("cli@t");
    }

    @Test
    void defaultsToTheLocalServerAndTheSystemTrustStore() {
        Settings s = Settings.resolve(NONE, Map.of(), home);
        assertThat(s.url()).isEqualTo("https://localhost:9443/api/v1");
        assertThat(s.insecure()).isFalse();
        assertThat(s.caFile()).isNull();
    }

    @Test
    void trustsTheInstallationCaUnderQvdHomeUnlessACaFileIsGiven() throws Exception {
        Files.createDirectories(home.resolve("qvd/tls"));
        Files.writeString(home.resolve("qvd/tls/ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Map<String, String> env = Map.of("QVD_HOME", home.resolve("qvd").toString());
        assertThat(Settings.resolve(NONE, env, home).caFile()).isEqualTo(home.resolve("qvd/tls/ca.pem"));
        Map<String, String> given =
                Map.of("QVD_HOME", home.resolve("qvd").toString(), "QVD_CA_FILE", "/etc/qvd/ca.pem");
        assertThat(Settings.resolve(NONE, given, home).caFile()).isEqualTo(Path.of("/etc/qvd/ca.pem"));
        assertThat(Settings.resolve(
                                NONE, Map.of("QVD_HOME", home.resolve("none").toString()), home)
                        .caFile())
                .isNull();
    }

    @Test
    void refusesAMissingExplicitConfigFile() {
        Settings.Overrides cli = new Settings.Overrides(null, null, null, null, null, null, home.resolve("nope.conf"));
        assertThatThrownBy(() -> Settings.resolve(cli, Map.of(), home))
                .isInstanceOf(CliException.class)
                .extracting(e -> ((CliException) e).exitCode())
                .isEqualTo(ExitCode.USAGE);
    }
}
