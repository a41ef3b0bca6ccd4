package org.qvd.fault.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.fault.platform.FaultSystem;
import org.qvd.fault.platform.Figures;
import org.qvd.fault.platform.Probe;
import org.qvd.launcher.AdminApi;
import org.qvd.launcher.QvdSystem;

/**
 * Fault 2 of issue 13: PostgreSQL stopped for 30 s while the host agent reports, then started again. WildFly
 * must recover by itself (same process, no restart), say DOWN on {@code /health/ready} for the whole outage so a
 * load balancer stops sending work, and apply the host's reports again afterwards: the host ends {@code running}
 * with fresh heartbeats (lost and found again is acceptable), and the admin API answers.
 */
@ExtendWith(FaultSystem.class)
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void wildflyRecoversByItselfAndSaysNotReadyMeanwhile(QvdSystem system) {
        Probe probe = new Probe(system);
        probe.await("host " + FaultSystem.HOST + " running", Duration.ofSeconds(90),
                () -> probe.hostState(FaultSystem.HOST).filter("running"::equals).isPresent());
        Probe.Readiness before = probe.readiness();
        assertThat(before.up()).as("ready before the outage: %s", before).isTrue();
        assertThat(before.check("database")).isEqualTo("UP");
        assertThat(before.check("broker")).isEqualTo("UP");
        assertThat(before.check("l7r-listener")).isEqualTo("UP");

        Instant stopped = Instant.now();
        system.stopDatabase();
        Duration toDown = probe.await("readiness DOWN once PostgreSQL is stopped", Duration.ofSeconds(20),
                () -> probe.readiness().status() == 503);
        Probe.Readiness during = probe.readiness();
        assertThat(during.check("database")).as("%s", during).isEqualTo("DOWN");
        assertThat(during.check("broker")).as("the broker does not depend on the database").isEqualTo("UP");
        Figures.print("database-outage", "readiness DOWN after the stop", toDown);
        while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
            assertThat(probe.readiness().status()).as("DOWN during the whole outage").isEqualTo(503);
            Probe.sleep(Duration.ofSeconds(2));
        }

        Instant restarted = Instant.now();
        system.startDatabase();
        Duration toReady = probe.await("readiness UP once PostgreSQL is back", Duration.ofSeconds(60),
                () -> probe.readiness().up());
        Figures.print("database-outage", "readiness UP after PostgreSQL is back", toReady);
        Set<String> hostStates = new LinkedHashSet<>();
        Duration toHeartbeat = probe.await("a heartbeat applied after the outage", Duration.ofSeconds(60), () -> {
            probe.hostState(FaultSystem.HOST).ifPresent(hostStates::add);
            return probe.heartbeat(FaultSystem.HOST).filter(t -> t.isAfter(restarted)).isPresent();
        });
        Figures.print("database-outage", "first heartbeat applied after PostgreSQL is back", toHeartbeat);
        probe.await("host running again", Duration.ofSeconds(60), () -> {
            probe.hostState(FaultSystem.HOST).ifPresent(hostStates::add);
            return probe.hostState(FaultSystem.HOST).filter("running"::equals).isPresent();
        });
        System.out.println("host states seen after the outage: " + hostStates);

        assertThat(system.serverAlive()).as("WildFly was not restarted").isTrue();
        JsonNode hosts = new AdminApi(system, FaultSystem.SUPERADMIN_PASSWORD).get("/hosts");
        assertThat(hosts.toString()).as("the admin API answers again").contains(FaultSystem.HOST);
        Figures.print("database-outage", "whole recovery (PostgreSQL back to host running, readiness UP)",
                Duration.between(restarted, Instant.now()));
    }
}
