package org.qvd.system.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qvd.launcher.LauncherConfig;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.SystemUnderTest;

/** The run command on a fresh machine, then again: the password is generated once and the data survives. */
class RunCommandRestartIT {

    @Test
    void generatesTheSuperadminPasswordOnceAndKeepsTheDatabaseAcrossRestarts() throws Exception {
        Path home = Path.of(System.getProperty("qvd.system.home", "target/qvd-home") + "-restart")
                .toAbsolutePath();
        LauncherConfig config = withoutGivenPassword(home);

        Optional<String> first;
        String hashAfterFirstRun;
        try (QvdSystem system = QvdSystem.start(config)) {
            first = system.superadminPassword();
            hashAfterFirstRun = superadminHash(system);
        }
        try (QvdSystem again = QvdSystem.start(config)) {
            assertThat(first)
                    .as("a password is generated on the first run")
                    .hasValueSatisfying(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(16));
            assertThat(again.superadminPassword())
                    .as("no new password once an administrator exists")
                    .isEmpty();
            assertThat(superadminHash(again))
                    .as("the database survived the restart")
                    .isEqualTo(hashAfterFirstRun);
        }
    }

    private static LauncherConfig withoutGivenPassword(Path home) {
        LauncherConfig base = RunningSystem.config(home);
        Map<String, String> env = new HashMap<>();
        env.put("QVD_SOURCE_ROOT", System.getProperty("qvd.source.root", "."));
        env.put("QVD_HOME", home.toString());
        // 25 above the shared system: inside this run's own block of 50 (another tier or run sits 100 above)
        env.put("QVD_PG_PORT", Integer.toString(base.embeddedDbPort() + 25));
        env.put("QVD_PORT_OFFSET", Integer.toString(base.portOffset() + 25));
        env.put("QVD_START_TIMEOUT", "400");
        SystemUnderTest.emptied(home);
        return LauncherConfig.fromEnvironment(env);
    }

    private static String superadminHash(QvdSystem system) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT a.password_hash FROM administrator a JOIN tenant t ON t.id = a.tenant_id "
                                + "WHERE a.name = 'superadmin' AND t.name = '*'")) {
            assertThat(rs.next()).as("superadmin@* exists").isTrue();
            return rs.getString(1);
        }
    }
}
