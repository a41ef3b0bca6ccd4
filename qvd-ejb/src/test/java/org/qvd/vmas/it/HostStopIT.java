package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qvd.vmas.it.FarmView.await;
import static org.qvd.vmas.it.FarmView.stays;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostStateChanged;
import org.qvd.protocol.host.StopHostCommand;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.VmReport;
import org.qvd.protocol.vm.VmStateChanged;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.config.boundary.ConfigService;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostRequests.NewHost;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.vmas.image.boundary.DiRequests.UploadedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmService;

/**
 * Host stop over WildFly's real Artemis, answered by the stand-in HKD of this package (the agent's own
 * StopHostHandler is covered by its tests): StopHost on the host's queue, {@code running → stopping → stopped}
 * from the agent's events or from its heartbeats ending (never {@code lost}), refusals that change nothing,
 * and the audit entries.
 */
@ExtendWith(ArquillianExtension.class)
class HostStopIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("host-stop-it");
    }

    @Inject
    StandInHkd hkd;

    @Inject
    Scenario scenario;

    @Inject
    FarmView farm;

    @Inject
    HostService hosts;

    @Inject
    VmService vms;

    @Inject
    UserService users;

    @Inject
    OsfService osfs;

    @Inject
    DiService dis;

    @Inject
    ConfigService config;

    @Test
    void stopHostReachesTheStandInHkdAndItsEventsEndHostAndVmStopped() throws Exception {
        String host = Scenario.unique("stop");
        HostDto up = joinedHost(host);
        long vmId = runningVmOn(host);

        HostDto stopping = As.superadmin(() -> hosts.stop(up.id()));
        assertThat(stopping.state().wireName()).isEqualTo("stopping");
        StopHostCommand command = hkd.receive(host, StopHostCommand.class, WAIT.toMillis());
        assertThat(command).as("StopHost on qvd.hkd." + host).isNotNull();
        assertThat(command.hostName()).isEqualTo(host);
        assertThat(farm.vm(vmId).state().wireName()).isEqualTo("stopping");

        // what the agent's StopHostHandler sends, with a heartbeat of the stopping agent in between
        hkd.send(new HostStateChanged(host, command.correlationId(), HostState.STOPPING, "StopHost"));
        hkd.send(new HostHeartbeat(
                host, null, "agent-" + host, 7, HostState.STOPPING, StandInHkd.capacity(900_000), List.of()));
        hkd.send(new VmStateChanged(host, command.correlationId(), vmId, VmState.STOPPING, null, null));
        hkd.send(new VmStateChanged(host, command.correlationId(), vmId, VmState.STOPPED, null, null));
        hkd.send(new HostStateChanged(host, command.correlationId(), HostState.STOPPED, "StopHost"));

        assertThat(await(
                                () -> farm.hostNamed(host),
                                h -> "stopped".equals(h.state().wireName()))
                        .name())
                .isEqualTo(host);
        VmDto down = await(() -> farm.vm(vmId), v -> "stopped".equals(v.state().wireName()));
        assertThat(down.hostName()).isNull();
        assertThat(farm.history(vmId))
                .extracting(h -> h.toState().wireName())
                .containsExactly("stopped", "stopping", "running", "starting");
        assertThat(farm.history(vmId).get(1).reason()).isEqualTo("host " + host + " stopping");

        AuditEvent audited = scenario.auditOf("host", up.id()).get(0);
        assertThat(audited.action()).isEqualTo("host.stop");
        assertThat(audited.result()).isEqualTo("ok");
        assertThat(audited.objectName()).isEqualTo(host);
        assertThat(audited.adminName()).isEqualTo(As.SUPERADMIN);
    }

    @Test
    void anAdminsStopWaitsForHeartbeatsBeingAppliedInsteadOfAnsweringConcurrentUpdate() throws Exception {
        // a burst of heartbeats keeps the MDB's sessions writing the host's runtime row while the stop reads and
        // writes it: the stop used to fail at commit on the row version it had read (409 concurrent_update)
        for (int round = 0; round < 6; round++) {
            String host = Scenario.unique("stop");
            HostDto up = joinedHost(host);
            for (int beat = 0; beat < 60; beat++) {
                hkd.heartbeat(host, 100 + beat, List.of());
            }
            HostDto stopping;
            try {
                stopping = As.superadmin(() -> hosts.stop(up.id()));
            } catch (QvdException e) {
                throw new AssertionError("round " + round + ": " + e.code() + " " + e.getMessage(), e);
            }
            assertThat(stopping.state().wireName()).isEqualTo("stopping");
            assertThat(hkd.receive(host, StopHostCommand.class, WAIT.toMillis()))
                    .as("StopHost sent")
                    .isNotNull();
            // the burst's beats, some redelivered after losing to the stop, leave it stopping
            stays(() -> farm.hostNamed(host).state(), HostState.STOPPING::equals, Duration.ofSeconds(1));
        }
    }

    @Test
    void aStoppedHostIgnoresTheStandInHkdsLateBeatsUntilItsAgentRegistersAgain() throws Exception {
        String host = Scenario.unique("stop");
        HostDto up = joinedHost(host);
        As.superadmin(() -> hosts.stop(up.id()));
        StopHostCommand command = hkd.receive(host, StopHostCommand.class, WAIT.toMillis());
        hkd.send(new HostStateChanged(host, command.correlationId(), HostState.STOPPED, "StopHost"));
        await(() -> farm.hostNamed(host), h -> "stopped".equals(h.state().wireName()));

        hkd.heartbeat(host, 8, List.of()); // sent before the agent saw StopHost, delivered after its end
        hkd.send(new HostHeartbeat(
                host, null, "agent-" + host, 9, HostState.STOPPING, StandInHkd.capacity(900_000), List.of()));
        stays(() -> farm.hostNamed(host).state(), HostState.STOPPED::equals, Duration.ofSeconds(3));

        hkd.register(host, List.of()); // the agent started again
        await(() -> farm.hostNamed(host), h -> "running".equals(h.state().wireName()));
    }

    @Test
    void aStoppingHostWhoseStandInHkdFallsSilentEndsStoppedNotLost() throws Exception {
        boolean shortTimeout = false;
        try {
            String host = Scenario.unique("stop");
            HostDto up = joinedHost(host);
            long vmId = runningVmOn(host);
            hkd.heartbeat(host, 1, List.of(new VmReport(vmId, "qvd-vm-" + vmId, VmState.RUNNING, null, null, 256)));
            As.superadmin(() -> hosts.stop(up.id()));
            assertThat(hkd.receive(host, StopHostCommand.class, WAIT.toMillis()))
                    .isNotNull();
            // a short timeout only once the host is stopping, so it cannot be lost before the stop
            As.superadmin(() -> config.set(null, "internal.hkd.heartbeat.timeout", "4"));
            shortTimeout = true;

            // the agent says nothing more: its heartbeats end, and the loss detector completes the stop
            List<String> seen = new ArrayList<>();
            await(
                    () -> farm.hostNamed(host),
                    h -> seen.add(h.state().wireName())
                            && "stopped".equals(h.state().wireName()));
            assertThat(seen).doesNotContain("lost").contains("stopping");
            VmDto down = farm.vm(vmId);
            assertThat(down.state().wireName()).isEqualTo("stopped");
            assertThat(farm.history(vmId).get(0).reason()).isEqualTo("host " + host + " stopped: its heartbeats ended");
        } finally {
            if (shortTimeout) { // else the delete's "not found" would hide why the test failed
                As.superadmin(() -> config.delete(null, "internal.hkd.heartbeat.timeout"));
            }
        }
    }

    @Test
    void refusesStoppingAHostThatIsNotRunningAndChangesNothing() throws Exception {
        String name = Scenario.unique("idle");
        HostDto idle = As.superadmin(() -> hosts.create(new NewHost(name, name + ".example", null)));
        assertThatThrownBy(() -> As.superadmin(() -> hosts.stop(idle.id())))
                .isInstanceOfSatisfying(QvdException.class, e -> {
                    assertThat(e.code()).isEqualTo("host.not_running");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains(name).contains("stopped");
                });
        assertThat(As.superadmin(() -> hosts.get(idle.id())).state().wireName()).isEqualTo("stopped");
        assertThat(hkd.receive(name, StopHostCommand.class, 1000))
                .as("no command sent")
                .isNull();
        AuditEvent refused = scenario.auditOf("host", idle.id()).get(0);
        assertThat(refused.action()).isEqualTo("host.stop");
        assertThat(refused.result()).isEqualTo("host.not_running");

        assertThatThrownBy(() -> As.superadmin(() -> hosts.stop(Long.MAX_VALUE)))
                .isInstanceOfSatisfying(
                        QvdException.class, e -> assertThat(e.code()).isEqualTo("host.not_found"));
    }

    @Test
    void onlySuperadminsWithTheAclStopHosts() throws Exception {
        String host = Scenario.unique("stop");
        HostDto up = joinedHost(host);
        Scenario.Tenancy reader = scenario.tenantWithAdmin("Reader");
        assertThatThrownBy(() -> reader.as(() -> hosts.stop(up.id())))
                .isInstanceOfSatisfying(
                        QvdException.class, e -> assertThat(e.status()).isEqualTo(403));
        Scenario.Tenancy tenantAdmin = scenario.tenantWithAdmin("Tenant Admin");
        assertThatThrownBy(() -> tenantAdmin.as(() -> hosts.stop(up.id())))
                .isInstanceOfSatisfying(
                        QvdException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(farm.hostNamed(host).state().wireName()).isEqualTo("running");
        assertThat(hkd.receive(host, StopHostCommand.class, 1000)).isNull();
    }

    private HostDto joinedHost(String host) throws Exception {
        hkd.register(host, List.of());
        return await(
                () -> farm.hostNamed(host),
                h -> h != null && "running".equals(h.state().wireName()));
    }

    /** A VM started on {@code host} (the newest stand-in host is the preferred one) and reported running. */
    private long runningVmOn(String host) throws Exception {
        long vmId = As.superadmin(() -> {
            String suffix = Scenario.unique("");
            long userId = users.create(new NewUser(1L, "u" + suffix, Scenario.PASSWORD, null))
                    .id();
            long osfId = osfs.create(new NewOsf(1L, "osf" + suffix, 256, true, 1024, null, null))
                    .id();
            dis.upload(new UploadedDi(osfId, "1", "desktop-1.qcow2", null, "default"), TestImages.content());
            return vms.create(new NewVm(userId, osfId, "vm" + suffix, null, null, null))
                    .id();
        });
        As.superadmin(() -> vms.start(vmId));
        StartVmCommand start = hkd.receive(host, StartVmCommand.class, WAIT.toMillis());
        assertThat(start).as("StartVm on " + host).isNotNull();
        hkd.send(new VmStateChanged(host, start.correlationId(), vmId, VmState.RUNNING, start.ip(), null));
        await(() -> farm.vm(vmId), v -> "running".equals(v.state().wireName()));
        return vmId;
    }
}
