package org.qvd.vmas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.state.UserState;
import org.qvd.protocol.state.VmState;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserService;
import org.qvd.vmas.host.boundary.HostDto;
import org.qvd.vmas.host.boundary.HostRequests.NewHost;
import org.qvd.vmas.host.boundary.HostService;
import org.qvd.vmas.image.boundary.DiRequests.UploadedDi;
import org.qvd.vmas.image.boundary.DiService;
import org.qvd.vmas.image.boundary.OsfDto;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfService;
import org.qvd.vmas.it.Scenario.Tenancy;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.statistics.boundary.StatisticsDto;
import org.qvd.vmas.statistics.boundary.StatisticsService;
import org.qvd.vmas.statistics.entity.HostLoad;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRequests.NewVm;
import org.qvd.vmas.vm.boundary.VmRequests.VmUpdate;
import org.qvd.vmas.vm.boundary.VmRuntimeService;
import org.qvd.vmas.vm.boundary.VmService;

/**
 * The statistics in one call: a tenant administrator counts only its tenant (whatever it asks), a
 * superadmin every tenant or the one it names, and the system-wide figures of the metrics match.
 */
@ExtendWith(ArquillianExtension.class)
class StatisticsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.vmas("statistics-it");
    }

    @Inject
    Scenario scenario;

    @Inject
    StatisticsService statistics;

    @Inject
    UserService users;

    @Inject
    OsfService osfs;

    @Inject
    DiService dis;

    @Inject
    VmService vms;

    @Inject
    VmRuntimeService runtime;

    @Inject
    HostService hosts;

    @Inject
    TestHosts testHosts;

    @Inject
    TestVms testVms;

    /** Tenant A: 3 users (1 blocked), 3 VMs: one blocked, one expiring, one running with its user connected. */
    record Farm(Tenancy a, Tenancy b, long runningVm, long expiringVm, Instant expiry) {}

    private Farm farm() throws Exception {
        Tenancy a = scenario.tenantWithAdmin("Tenant Admin");
        Tenancy b = scenario.tenantWithAdmin("Tenant Admin");
        long alice = a.as(() -> users.create(new NewUser(null, "alice", Scenario.PASSWORD, null))
                .id());
        a.as(() -> users.create(new NewUser(null, "bob", Scenario.PASSWORD, null)));
        long carol = a.as(() -> users.create(new NewUser(null, "carol", Scenario.PASSWORD, null))
                .id());
        a.as(() -> users.block(carol));
        OsfDto osfA = a.as(() -> osfs.create(new NewOsf(null, "debian", 256, true, 0, null, null)));
        a.as(() -> dis.upload(
                new UploadedDi(osfA.id(), "1.0", "debian-1.0.qcow2", null, "default"), TestImages.content()));
        long blocked = a.as(() -> vms.create(new NewVm(alice, osfA.id(), "blocked", null, null, null))
                .id());
        a.as(() -> vms.block(blocked));
        long expiring = a.as(() -> vms.create(new NewVm(alice, osfA.id(), "expiring", null, null, null))
                .id());
        Instant expiry = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        a.as(() -> vms.update(expiring, new VmUpdate(null, null, null, null, expiry, expiry.plusSeconds(600))));
        long running = a.as(() -> vms.create(new NewVm(alice, osfA.id(), "running", null, null, null))
                .id());
        HostDto host = As.superadmin(() -> hosts.create(new NewHost(
                Scenario.unique("node-"),
                "192.0.2." + ThreadLocalRandom.current().nextInt(1, 250) + "-" + Scenario.unique(""),
                null)));
        testHosts.heartbeat(host.id());
        a.as(() -> vms.start(running));
        testVms.running(running, "10.3.15.9");
        runtime.userConnecting(running);
        runtime.userConnected(running);

        long dave = b.as(() ->
                users.create(new NewUser(null, "dave", Scenario.PASSWORD, null)).id());
        OsfDto osfB = b.as(() -> osfs.create(new NewOsf(null, "debian", 256, true, 0, null, null)));
        b.as(() -> vms.create(new NewVm(dave, osfB.id(), "desk", null, null, null)));
        return new Farm(a, b, running, expiring, expiry);
    }

    @Test
    void aTenantAdminCountsOnlyItsOwnTenantWhateverItAsks() throws Exception {
        Farm f = farm();
        StatisticsDto s = f.a().as(() -> statistics.summary(f.b().tenantId(), 10));
        assertThat(s.tenantId()).isEqualTo(f.a().tenantId());
        assertThat(s.users().total()).isEqualTo(3);
        assertThat(s.users().blocked()).isEqualTo(1);
        assertThat(s.vms().total()).isEqualTo(3);
        assertThat(s.vms().blocked()).isEqualTo(1);
        assertThat(s.vms().byState())
                .containsEntry(VmState.RUNNING, 1L)
                .containsEntry(VmState.STOPPED, 2L)
                .containsEntry(VmState.ZOMBIE, 0L)
                .hasSize(6);
        assertThat(s.vms().byUserState())
                .containsEntry(UserState.CONNECTED, 1L)
                .containsEntry(UserState.DISCONNECTED, 2L)
                .containsEntry(UserState.CONNECTING, 0L);
        assertThat(s.vms().connectedUsers()).isEqualTo(1);
        assertThat(s.osfs()).isEqualTo(1);
        assertThat(s.dis()).isEqualTo(1);
        assertThat(s.expiring()).extracting(VmDto::id).containsExactly(f.expiringVm());
        assertThat(s.expiring().get(0).expirationSoft()).isEqualTo(f.expiry());

        long hostId = f.a().as(() -> vms.get(f.runningVm())).hostId();
        assertThat(s.hostLoads())
                .filteredOn(h -> h.id() == hostId)
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.vmCount())
                            .as("only this tenant's VMs on the shared host")
                            .isEqualTo(1);
                    assertThat(h.state().wireName()).isEqualTo("running");
                });
        assertThat(s.hosts().byState().get(HostState.RUNNING)).isGreaterThanOrEqualTo(1L);
        assertThat(s.hosts().total())
                .isEqualTo(s.hosts().byState().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    @Test
    void aSuperadminCountsEveryTenantOrTheOneItNames() throws Exception {
        Farm f = farm();
        StatisticsDto onlyB = As.superadmin(() -> statistics.summary(f.b().tenantId(), 5));
        assertThat(onlyB.tenantId()).isEqualTo(f.b().tenantId());
        assertThat(onlyB.users().total()).isEqualTo(1);
        assertThat(onlyB.vms().total()).isEqualTo(1);
        assertThat(onlyB.vms().byState()).containsEntry(VmState.STOPPED, 1L);
        assertThat(onlyB.expiring()).isEmpty();
        assertThat(onlyB.hostLoads()).allSatisfy(h -> assertThat(h.vmCount()).isZero());

        StatisticsDto all = As.superadmin(() -> statistics.summary(null, 100));
        assertThat(all.tenantId()).isNull();
        assertThat(all.users().total()).isGreaterThanOrEqualTo(4);
        assertThat(all.vms().total()).isGreaterThanOrEqualTo(4);
        assertThat(all.expiring()).extracting(VmDto::id).contains(f.expiringVm());
        assertThat(all.hostLoads().stream().mapToLong(HostLoad::vmCount).sum())
                .isEqualTo(all.vms().total() - all.vms().byState().get(VmState.STOPPED));

        StatisticsDto system = statistics.systemWide();
        assertThat(system.vms().byState()).isEqualTo(all.vms().byState());
        assertThat(system.hosts()).isEqualTo(all.hosts());
        assertThat(system.vms().connectedUsers()).isEqualTo(all.vms().connectedUsers());
    }

    @Test
    void aReaderSeesTheCountsAndTheLimitIsChecked() throws Exception {
        Tenancy reader = scenario.tenantWithAdmin("Reader");
        StatisticsDto s = reader.as(() -> statistics.summary(null, 0));
        assertThat(s.users().total()).isZero();
        assertThat(s.vms().total()).isZero();
        assertThat(s.expiring()).isEmpty();
        assertThat(s.hosts()).isNotNull();
        assertThatThrownBy(() -> reader.as(() -> statistics.summary(null, StatisticsService.MAX_EXPIRING + 1)))
                .isInstanceOfSatisfying(
                        QvdException.class, e -> assertThat(e.code()).isEqualTo("validation.failed"));
    }
}
