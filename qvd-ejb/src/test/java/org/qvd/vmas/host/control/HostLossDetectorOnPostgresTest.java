package org.qvd.vmas.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.platform.JpaOnPostgres;

/**
 * The loss detector's round ({@link HostLossDetector#check()}) on a real, migrated PostgreSQL: every host silent for
 * longer than the heartbeat timeout (15 s) is lost in the same round, hosts that beat within it stay running.
 */
class HostLossDetectorOnPostgresTest {

    private static JpaOnPostgres db;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
    }

    private static int hosts;

    private static org.qvd.vmas.host.entity.HostRuntime host(Session s, String name, Instant beat) {
        Host host = new Host(name, "192.0.2." + (++hosts), null);
        s.persist(host);
        host.getRuntime().heartbeat(beat, 16_384L, 4, 0.5);
        return host.getRuntime();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void everyHostSilentLongerThanTheTimeoutIsLostInOneRoundAndTheOthersStay() {
        db.inTransaction(s -> {
            // beats relative to the round itself: a loaded machine must not turn "10 s ago" into "16 s ago"
            Instant now = Instant.now();
            for (int i = 0; i < 50; i++) {
                host(s, "killed-" + i, now.minusSeconds(16 + i % 5));
            }
            host(s, "alive", now.minusSeconds(1));
            host(s, "recent", now.minusSeconds(10));
            s.flush();
            detector(s).check();
            return null;
        });
        db.inTransaction(s -> {
            assertThat(s.createQuery(
                                    "SELECT COUNT(r) FROM HostRuntime r WHERE r.state = :lost AND r.host.name LIKE 'killed-%'",
                                    Long.class)
                            .setParameter("lost", HostState.LOST)
                            .getSingleResult())
                    .as("all 50 silent hosts, in one round")
                    .isEqualTo(50);
            assertThat(state(s, "alive")).isEqualTo(HostState.RUNNING);
            assertThat(state(s, "recent")).isEqualTo(HostState.RUNNING);
            return null;
        });
    }

    @Test
    void aSecondWithNothingToDoCostsOneStatementPerJob() {
        db.inTransaction(s -> {
            s.createNativeQuery("UPDATE host_runtime SET state = 'stopped'").executeUpdate();
            assertThat(statements(s, () -> detector(s).check()))
                    .as("no host that could go silent: the round's one statement")
                    .isEqualTo(1);
            assertThat(statements(s, () -> detector(s).settleVms()))
                    .as("no VM on a lost host, none starting: the round's one statement")
                    .isEqualTo(1);
            host(s, "beating", Instant.now().minusSeconds(2));
            s.flush();
            assertThat(statements(s, () -> detector(s).check()))
                    .as("every host beat within the timeout: the round's statement and the timeout")
                    .isEqualTo(2);
            assertThat(state(s, "beating")).isEqualTo(HostState.RUNNING);
            return null;
        });
    }

    @Test
    void aRunningHostThatNeverBeatIsLost() {
        db.inTransaction(s -> {
            host(s, "mute", Instant.now());
            s.flush();
            s.createNativeQuery("UPDATE host_runtime SET heartbeat_at = NULL WHERE host_id = "
                            + "(SELECT id FROM host WHERE name = 'mute')")
                    .executeUpdate();
            s.clear();
            detector(s).check();
            return null;
        });
        db.inTransaction(s -> {
            assertThat(state(s, "mute")).isEqualTo(HostState.LOST);
            return null;
        });
    }

    private static long statements(Session s, Runnable round) {
        var stats = s.getSessionFactory().getStatistics();
        stats.clear();
        round.run();
        return stats.getPrepareStatementCount();
    }

    private static HostState state(Session s, String name) {
        return s.createQuery("SELECT r.state FROM HostRuntime r WHERE r.host.name = :name", HostState.class)
                .setParameter("name", name)
                .getSingleResult();
    }

    private static HostLossDetector detector(Session s) {
        HostLossDetector detector = new HostLossDetector();
        ConfigResolver config = new ConfigResolver();
        JpaOnPostgres.inject(config, "em", s);
        JpaOnPostgres.inject(detector, "em", s);
        JpaOnPostgres.inject(detector, "config", config);
        return detector;
    }
}
