package org.qvd.system.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/**
 * The real HKD agent process (libvirt's test driver as its hypervisor) against the running system: it joins
 * over WildFly's Artemis with the broker account the run command created, heartbeats, is declared lost when
 * killed, and is running again when it comes back.
 */
@ExtendWith(RunningSystem.class)
class HostAgentIT {

    private static final String HOST = "systest-node";

    @Test
    void theAgentJoinsIsLostWhenKilledAndReturns(QvdSystem system) throws Exception {
        system.startLocalHkd();
        Instant started = Instant.now();
        awaitState(system, "running", Duration.ofSeconds(60));
        System.out.println(
                "HKD registered " + Duration.between(started, Instant.now()).toMillis() + " ms after its start");
        Instant firstBeat = heartbeat(system);
        await("heartbeats keep coming")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> heartbeat(system).isAfter(firstBeat));

        assertThat(system.killLocalHkd()).isTrue();
        Instant killed = Instant.now();
        awaitState(system, "lost", Duration.ofSeconds(40));
        Duration detection = Duration.between(killed, Instant.now());
        System.out.println(
                "host loss detected " + detection.toMillis() + " ms after kill -9 (timeout 15 s, heartbeat 5 s)");
        assertThat(detection).isLessThanOrEqualTo(Duration.ofSeconds(25));

        system.startLocalHkd();
        awaitState(system, "running", Duration.ofSeconds(60));
    }

    private static void awaitState(QvdSystem system, String state, Duration timeout) throws Exception {
        await("host " + HOST + " " + state)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(hostState(system))
                        .as("agent log: %s", system.localHkdLog().orElse(null))
                        .isEqualTo(state));
    }

    private static String hostState(QvdSystem system) throws Exception {
        return query(system, "SELECT r.state FROM host_runtime r JOIN host h ON h.id = r.host_id WHERE h.name = ?");
    }

    private static Instant heartbeat(QvdSystem system) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                PreparedStatement ps = c.prepareStatement(
                        "SELECT r.heartbeat_at FROM host_runtime r JOIN host h ON h.id = r.host_id WHERE h.name = ?")) {
            ps.setString(1, HOST);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private static String query(QvdSystem system, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, HOST);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
