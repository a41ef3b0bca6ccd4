package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qvd.vmas.it.FarmView.await;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmReport;
import org.qvd.protocol.vm.VmStateChanged;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.config.boundary.ConfigService;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.vmas.image.boundary.DiRequests.StagedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.property.boundary.PropertyService;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmService;

/**
 * The VMAS side of the hosts over WildFly's real Artemis, with a stand-in HKD (the agent process is covered
 * by its own ITs): hosts join, VMs start and stop through host commands, failures and lost hosts end in
 * {@code stopped} with the reason visible, and duplicates change nothing.
 */
@ExtendWith(ArquillianExtension.class)
class HostLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("host-lifecycle-it");
    }

    @Inject
    StandInHkd hkd;

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

    @Inject
    PropertyService properties;

    @Test
    void aVmStartsOnTheHostAndStopsWithNothingLeftPlaced() throws Exception {
        String host = Scenario.unique("node");
        hkd.register(host, List.of());
        HostDto joined = await(
                () -> farm.hostNamed(host),
                h -> h != null && "running".equals(h.state().wireName()));
        assertThat(joined.usableRamMb()).isGreaterThan(1_000_000L);

        long vmId = newVm(512, true);
        assertThat(As.superadmin(() -> vms.start(vmId)).state().wireName()).isEqualTo("starting");
        StartVmCommand start = hkd.receive(host, StartVmCommand.class, WAIT.toMillis());
        assertThat(start).as("StartVm reached the host queue").isNotNull();
        assertThat(start.vmId()).isEqualTo(vmId);
        assertThat(start.memoryMb()).isEqualTo(512);
        // the files the VMAS placed in the image storage for the OSF
        assertThat(Path.of(start.diPath()).getParent()).isEqualTo(TestImages.STORAGE);
        assertThat(start.diPath()).matches(".*/osf-\\d+-desktop.*\\.qcow2");
        assertThat(start.directBoot().kernelPath()).matches(".*/osf-\\d+-desktop.*\\.vmlinuz");
        assertThat(start.directBoot().initrdPath()).matches(".*/osf-\\d+-desktop.*\\.initrd");
        assertThat(start.directBoot().cmdline()).contains("root=/dev/vda");
        assertThat(start.vmaKey()).as("a fresh VMA key per start").matches("[0-9a-f]{64}");
        assertThat(start.mac()).as("locally administered, from the whole IP").startsWith("02:51:");

        VmStateChanged running =
                new VmStateChanged(host, start.correlationId(), vmId, VmState.RUNNING, start.ip(), null);
        hkd.send(running);
        hkd.send(running); // delivered twice: no harm
        VmDto up = await(() -> farm.vm(vmId), v -> "running".equals(v.state().wireName()));
        assertThat(up.hostName()).isEqualTo(host);
        assertThat(up.address()).isEqualTo(start.ip());

        assertThat(As.superadmin(() -> vms.stop(vmId)).state().wireName()).isEqualTo("stopping");
        StopVmCommand stop = hkd.receive(host, StopVmCommand.class, WAIT.toMillis());
        assertThat(stop.vmId()).isEqualTo(vmId);
        hkd.send(new VmStateChanged(host, stop.correlationId(), vmId, VmState.STOPPED, null, "powered off"));
        VmDto down = await(() -> farm.vm(vmId), v -> "stopped".equals(v.state().wireName()));
        assertThat(down.hostName()).isNull();
        // newest first; the duplicated running event left no second entry
        assertThat(farm.history(vmId))
                .extracting(h -> h.toState().wireName())
                .containsExactly("stopped", "stopping", "running", "starting");
    }

    /**
     * Stop 23's guest tier: a heartbeat made after the container had ended but while its stop was still removing it
     * let the VMAS call the VM stopped; the user started it again at once; then the stop's own {@code stopped} (and
     * any failure of that stop) arrived and ended the new start, and the user was told the VM stopped.
     */
    @Test
    void theLateAnswersOfAStopDoNotEndTheStartThatFollowedIt() throws Exception {
        runningHost();
        long vmId = newVm(256);
        As.superadmin(() -> vms.start(vmId));
        String host = farm.vm(vmId).hostName(); // other tests' hosts may still run: where the VMAS placed it
        StartVmCommand first = hkd.receive(host, StartVmCommand.class, WAIT.toMillis());
        hkd.send(new VmStateChanged(host, first.correlationId(), vmId, VmState.RUNNING, first.ip(), null));
        await(() -> farm.vm(vmId), v -> "running".equals(v.state().wireName()));
        As.superadmin(() -> vms.stop(vmId));
        StopVmCommand stop = hkd.receive(host, StopVmCommand.class, WAIT.toMillis());
        hkd.heartbeat(host, 1, List.of()); // the domain is gone, the stop still tears down
        await(() -> farm.vm(vmId), v -> "stopped".equals(v.state().wireName()));

        As.superadmin(() -> vms.start(vmId));
        String again = farm.vm(vmId).hostName();
        StartVmCommand restart = hkd.receive(again, StartVmCommand.class, WAIT.toMillis());
        assertThat(restart.correlationId()).isNotEqualTo(stop.correlationId());
        // late answers of the stop from the host the VM is on now (in stop 23 the one host of the guest tier)
        hkd.send(new VmStateChanged(again, stop.correlationId(), vmId, VmState.STOPPED, null, null));
        hkd.send(new CommandFailed(again, stop.correlationId(), "StopVm", vmId, VmState.STOPPED, "late"));
        hkd.send(new VmStateChanged(again, restart.correlationId(), vmId, VmState.RUNNING, restart.ip(), null));

        VmDto up = await(() -> farm.vm(vmId), v -> "running".equals(v.state().wireName()));
        assertThat(up.lastFailure()).as("the late failure of the stop").isNull();
        assertThat(farm.history(vmId))
                .extracting(h -> h.toState().wireName())
                .as("newest first: the new start ran without a stop in between")
                .startsWith("running", "starting", "stopped", "stopping", "running", "starting");
    }

    @Test
    void aFailedStartEndsStoppedWithTheReasonVisible() throws Exception {
        String host = runningHost();
        long vmId = newVm(256);
        As.superadmin(() -> vms.start(vmId));
        StartVmCommand start = hkd.receive(host, StartVmCommand.class, WAIT.toMillis());
        assertThat(start.directBoot())
                .as("an image without boot.* properties boots itself")
                .isNull();
        // C2: the start is valid for the VMAS's start timeout (internal.l7r.timeout.vm_start, 270 s) and no longer
        assertThat(start.deadline())
                .isBetween(Instant.now().plusSeconds(200), Instant.now().plusSeconds(275));
        hkd.send(new CommandFailed(host, start.correlationId(), "StartVm", vmId, null, "image file missing: /x.qcow2"));
        VmDto failed =
                await(() -> farm.vm(vmId), v -> "stopped".equals(v.state().wireName()));
        assertThat(failed.lastFailure()).isEqualTo("StartVm failed on host " + host + ": image file missing: /x.qcow2");
        assertThat(failed.lastFailureAt()).isNotNull();
    }

    @Test
    void aStartTheHostAnswersExpiredEndsStoppedWithThatReason() throws Exception {
        String host = runningHost();
        long vmId = newVm(256);
        As.superadmin(() -> vms.start(vmId));
        // a stand-in host of an earlier test may still count as running and be chosen: answer as the chosen one
        String placed = farm.vm(vmId).hostName();
        StartVmCommand start = hkd.receive(placed, StartVmCommand.class, WAIT.toMillis());

        hkd.send(new CommandFailed(placed, start.correlationId(), "StartVm", vmId, null, "expired"));

        VmDto stopped =
                await(() -> farm.vm(vmId), v -> "stopped".equals(v.state().wireName()));
        assertThat(stopped.lastFailure()).isEqualTo("start expired before host " + placed + " took it");
    }

    @Test
    void aStartItsHostHasNotTakenIsSentAgainUnchangedUntilAHeartbeatListsIt() throws Exception {
        try {
            As.superadmin(() -> config.set(null, "internal.hkd.command.start_resend_after", "2"));
            String host = runningHost();
            long vmId = newVm(256);
            As.superadmin(() -> vms.start(vmId));
            String placed = farm.vm(vmId).hostName();
            // taken off the queue and dropped: as a start routed toward a cluster node that died in that instant
            StartVmCommand lost = hkd.receive(placed, StartVmCommand.class, WAIT.toMillis());
            hkd.heartbeat(placed, 1, List.of()); // the host beats without the VM

            StartVmCommand copy = hkd.receive(placed, StartVmCommand.class, WAIT.toMillis());
            assertThat(copy).as("the start sent again").isNotNull();
            assertThat(copy.correlationId())
                    .as("the same command: the agent runs it once")
                    .isEqualTo(lost.correlationId());
            assertThat(copy.vmId()).isEqualTo(vmId);
            assertThat(copy.vmaKey()).isEqualTo(lost.vmaKey());
            assertThat(copy.diPath()).isEqualTo(lost.diPath());
            assertThat(copy.ip()).isEqualTo(lost.ip());
            assertThat(Duration.between(lost.deadline(), copy.deadline()).abs())
                    .as("the same deadline")
                    .isLessThan(Duration.ofSeconds(1));

            // the host lists the VM starting: no copy any more
            hkd.heartbeat(placed, 2, List.of(new VmReport(vmId, "qvd-vm-" + vmId, VmState.STARTING, null, null, 0)));
            while (hkd.receive(placed, StartVmCommand.class, 1_000) != null) {
                // copies sent before the beat was applied
            }
            assertThat(hkd.receive(placed, StartVmCommand.class, 8_000))
                    .as("a copy after the host listed the VM")
                    .isNull();
            hkd.send(new VmStateChanged(placed, copy.correlationId(), vmId, VmState.RUNNING, copy.ip(), null));
            await(() -> farm.vm(vmId), v -> "running".equals(v.state().wireName()));
            assertThat(farm.history(vmId))
                    .extracting(h -> h.toState().wireName())
                    .containsExactly("running", "starting");
        } finally {
            As.superadmin(() -> config.delete(null, "internal.hkd.command.start_resend_after"));
        }
    }

    @Test
    void aStartWithoutAHostWithRoomIsRefusedAndChangesNothing() throws Exception {
        long vmId = newVm(1_048_576); // more than any stand-in host has free
        assertThatThrownBy(() -> As.superadmin(() -> vms.start(vmId)))
                .isInstanceOfSatisfying(
                        QvdException.class, e -> assertThat(e.code()).isEqualTo("vm.no_host"));
        assertThat(farm.vm(vmId).state().wireName()).isEqualTo("stopped");
    }

    @Test
    void aHostThatStopsBeatingIsLostAndItsVmsEndStopped() throws Exception {
        try {
            String host = runningHost();
            long vmId = newVm(256);
            As.superadmin(() -> vms.start(vmId));
            StartVmCommand start = hkd.receive(host, StartVmCommand.class, WAIT.toMillis());
            hkd.send(new VmStateChanged(host, start.correlationId(), vmId, VmState.RUNNING, start.ip(), null));
            await(() -> farm.vm(vmId), v -> "running".equals(v.state().wireName()));
            List<VmReport> report =
                    List.of(new VmReport(vmId, "qvd-vm-" + vmId, VmState.RUNNING, start.ip(), start.mac(), 256));
            // a short timeout only from here on, so a slow start above cannot lose the host early
            As.superadmin(() -> config.set(null, "internal.hkd.heartbeat.timeout", "4"));
            hkd.heartbeat(host, 1, report);

            Instant lastBeat = Instant.now();
            HostDto lost = await(
                    () -> farm.hostNamed(host), h -> "lost".equals(h.state().wireName()));
            Duration detection = Duration.between(lastBeat, Instant.now());
            System.out.println("host loss detected after " + detection.toMillis() + " ms (timeout 4 s)");
            assertThat(detection).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(12));
            // its VMs follow in the detector's next round (a second later): zombie, then stopped
            VmDto orphaned =
                    await(() -> farm.vm(vmId), v -> "stopped".equals(v.state().wireName()));
            assertThat(Duration.between(lastBeat, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(farm.history(vmId))
                    .extracting(h -> h.toState().wireName())
                    .contains("zombie");
            assertThat(farm.history(vmId).get(0).reason()).contains(host + " lost");

            // the host returns still running the VM: it is running again, and the VM it kept is reaped
            hkd.heartbeat(host, 2, report);
            await(() -> farm.hostNamed(host), h -> "running".equals(h.state().wireName()));
            assertThat(hkd.receive(host, org.qvd.protocol.vm.ReapVmCommand.class, WAIT.toMillis())
                            .vmId())
                    .isEqualTo(vmId);
            assertThat(lost.name()).isEqualTo(host);
        } finally {
            As.superadmin(() -> config.delete(null, "internal.hkd.heartbeat.timeout"));
        }
    }

    @Test
    void anUnreadableEventIsRefusedWithoutHarm() throws Exception {
        String host = Scenario.unique("node");
        hkd.sendRaw("{\"type\":\"HostHeartbeat\",\"schemaVersion\":\"9.0\",\"hostName\":\"" + host + "\"}");
        hkd.sendRaw("not json at all");
        hkd.register(host, List.of());
        assertThat(await(
                        () -> farm.hostNamed(host),
                        h -> h != null && "running".equals(h.state().wireName())))
                .isNotNull();
    }

    /** A new stand-in host, registered and running. */
    private String runningHost() throws Exception {
        String host = Scenario.unique("node");
        hkd.register(host, List.of());
        await(
                () -> farm.hostNamed(host),
                h -> h != null && "running".equals(h.state().wireName()));
        return host;
    }

    private long newVm(int memoryMb) throws Exception {
        return newVm(memoryMb, false);
    }

    /** A VM of the default tenant on a new OSF whose only DI carries {@code diProperties}. */
    private long newVm(int memoryMb, boolean directBoot) throws Exception {
        return As.superadmin(() -> {
            String suffix = Scenario.unique("");
            long tenantId = 1L;
            long userId = users.create(new NewUser(tenantId, "u" + suffix, Scenario.PASSWORD, null))
                    .id();
            long osfId = osfs.create(new NewOsf(tenantId, "osf" + suffix, memoryMb, true, 1024, null, null))
                    .id();
            dis.importStaged(new StagedDi(osfId, TestImages.stage("desktop" + suffix, directBoot), "1", null, true));
            return vms.create(new NewVm(userId, osfId, "vm" + suffix, null, null, null))
                    .id();
        });
    }
}
