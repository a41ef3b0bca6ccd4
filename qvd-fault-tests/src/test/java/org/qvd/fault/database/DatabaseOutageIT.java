package org.qvd.fault.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.fault.platform.ClientTunnel;
import org.qvd.fault.platform.ConnectedSession;
import org.qvd.fault.platform.DesktopVm;
import org.qvd.fault.platform.FaultSystem;
import org.qvd.fault.platform.Figures;
import org.qvd.fault.platform.Probe;
import org.qvd.fault.platform.RealVmaDesktop;
import org.qvd.fault.platform.StandInDesktop;
import org.qvd.launcher.AdminApi;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.RequiredResource;

/**
 * Fault 2 of issue 13: PostgreSQL stopped for 30 s while the host agent reports, then started again. WildFly
 * must recover by itself (same process, no restart), say DOWN on {@code /health/ready} for the whole outage so a
 * load balancer stops sending work, and apply the host's reports again afterwards: the host ends {@code running}
 * with fresh heartbeats (lost and found again is acceptable), and the admin API answers. A user connected to a desktop
 * before the outage stays connected, seen two ways: a real NX session ({@link ConnectedSession}: the real VMA and
 * nxagent as the guest, {@code nxproxy} on Xvfb as the client) whose desktop is repainted every few seconds of the
 * outage and must show each change on the client's screen, in the same nxagent, still {@code connected}; and a tunnel
 * to a {@link StandInDesktop} (a stand-in VMA and an echoing NX agent) that must echo every probe, also where the
 * session's programs are missing. Both VMs are still {@code running} with their users {@code connected} afterwards.
 */
@ExtendWith(FaultSystem.class)
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void wildflyRecoversByItselfAndSaysNotReadyMeanwhileAndConnectedDesktopsStayConnected(QvdSystem system)
            throws Exception {
        Probe probe = new Probe(system);
        boolean withSession = RequiredResource.partPresent(
                "DatabaseOutageIT's session part", RealVmaDesktop.missing().orElse(null));
        try (StandInDesktop desktop = new StandInDesktop(system);
                ClientTunnel tunnel = desktop.vm().connect(system);
                ConnectedSession session = withSession
                        ? ConnectedSession.open(system, system.config().home().resolve("session"))
                        : null) {
            assertThat(tunnel.echoes("before the outage", 10_000))
                    .as("the tunnel carries bytes")
                    .isTrue();
            if (session != null) {
                Figures.print(
                        "database-outage", "a desktop change on the client's screen before", session.changeShown());
            }
            outageAndRecovery(system, probe, tunnel, session);
            assertThat(tunnel.echoes("after the outage", 10_000))
                    .as("the same tunnel still carries bytes")
                    .isTrue();
            AdminApi api = new AdminApi(system, FaultSystem.SUPERADMIN_PASSWORD);
            List<DesktopVm> vms = session == null ? List.of(desktop.vm()) : List.of(desktop.vm(), session.vm());
            for (DesktopVm connected : vms) {
                JsonNode vm = api.get("/vms/" + connected.vmId());
                assertThat(vm.path("state").asText()).as("%s", vm).isEqualTo("running");
                assertThat(vm.path("userState").asText()).as("%s", vm).isEqualTo("connected");
            }
            if (session != null) {
                session.changeShown();
                session.stillTheSameConnectedSession();
            }
        }
    }

    private void outageAndRecovery(QvdSystem system, Probe probe, ClientTunnel tunnel, ConnectedSession session)
            throws Exception {
        probe.await(
                "host " + FaultSystem.HOST + " running",
                Duration.ofSeconds(90),
                () -> probe.hostState(FaultSystem.HOST)
                        .filter("running"::equals)
                        .isPresent());
        Probe.Readiness before = probe.readiness();
        assertThat(before.up()).as("ready before the outage: %s", before).isTrue();
        assertThat(before.check("database")).isEqualTo("UP");
        assertThat(before.check("broker")).isEqualTo("UP");
        assertThat(before.check("l7r-listener")).isEqualTo("UP");

        Instant stopped = Instant.now();
        system.stopDatabase();
        Duration toDown = probe.await(
                "readiness DOWN once PostgreSQL is stopped",
                Duration.ofSeconds(20),
                () -> probe.readiness().status() == 503);
        Probe.Readiness during = probe.readiness();
        assertThat(during.check("database")).as("%s", during).isEqualTo("DOWN");
        assertThat(during.check("broker"))
                .as("the broker does not depend on the database")
                .isEqualTo("UP");
        Figures.print("database-outage", "readiness DOWN after the stop", toDown);
        int carried = 0;
        Duration slowestShown = Duration.ZERO;
        while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
            assertThat(probe.readiness().status())
                    .as("DOWN during the whole outage")
                    .isEqualTo(503);
            assertThat(tunnel.echoes("during the outage " + carried, 10_000))
                    .as(
                            "the connected desktop's tunnel carries bytes %s s into the outage",
                            Duration.between(stopped, Instant.now()).toSeconds())
                    .isTrue();
            if (session != null) {
                Duration shown = session.changeShown();
                slowestShown = shown.compareTo(slowestShown) > 0 ? shown : slowestShown;
                session.stillTheSameConnectedSession();
            }
            carried++;
            Probe.sleep(Duration.ofSeconds(2));
        }
        System.out.println("database-outage: the open tunnel echoed " + carried + " times during the outage"
                + (session == null ? "" : "; the real session's screen changed as often"));
        if (session != null) {
            Figures.print("database-outage", "slowest desktop change on the client's screen during", slowestShown);
        }

        Instant restarted = Instant.now();
        system.startDatabase();
        Duration toReady = probe.await(
                "readiness UP once PostgreSQL is back",
                Duration.ofSeconds(60),
                () -> probe.readiness().up());
        Figures.print("database-outage", "readiness UP after PostgreSQL is back", toReady);
        Set<String> hostStates = new LinkedHashSet<>();
        Duration toHeartbeat = probe.await("a heartbeat applied after the outage", Duration.ofSeconds(60), () -> {
            probe.hostState(FaultSystem.HOST).ifPresent(hostStates::add);
            return probe.heartbeat(FaultSystem.HOST)
                    .filter(t -> t.isAfter(restarted))
                    .isPresent();
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
        Figures.print(
                "database-outage",
                "whole recovery (PostgreSQL back to host running, readiness UP)",
                Duration.between(restarted, Instant.now()));
    }
}
