package org.qvd.vmas.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.protocol.host.HostCapacity;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.vm.VmReport;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.host.control.HeartbeatBatch.Received;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.image.entity.TagRules;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.session.notice.Notices;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;

/**
 * Heartbeats of many hosts applied together ({@link HeartbeatBatch}, what {@link HeartbeatInbox} does every 200 ms)
 * on a real, migrated PostgreSQL: what a batch costs the database whatever its size, and that a batch judges the VMs
 * as a beat alone did — except a VM whose state changed after the beat arrived.
 */
class HeartbeatBatchOnPostgresTest {

    private static final int HOSTS = 12;
    private static JpaOnPostgres db;
    private static final List<String> hostNames = new ArrayList<>();
    private static final List<List<Long>> vmsOfHost = new ArrayList<>();
    private static final List<Long> noticed = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
        db.inTransaction(s -> {
            Tenant tenant = new Tenant("beat", null);
            s.persist(tenant);
            Osf osf = new Osf(tenant, "debian", 512, true, 1024, null);
            s.persist(osf);
            Di di = TagRules.addDi(osf, "1.0", "beat.qcow2", null, false);
            s.persist(di);
            AppUser user = new AppUser(tenant, "beater", new PasswordHasher(4).hash("secret"), null);
            s.persist(user);
            Instant before = Instant.now().minusSeconds(600);
            for (int h = 0; h < HOSTS; h++) {
                Host host = new Host("beat-" + h, "192.0.2." + (h + 1), null);
                s.persist(host);
                hostNames.add(host.getName());
                List<Long> vms = new ArrayList<>();
                for (int v = 0; v < 3; v++) {
                    Vm vm = new Vm(user, osf, "desk-" + h + "-" + v, null, "10.3.50." + (10 * h + v + 1), null);
                    s.persist(vm);
                    s.persist(vm.start(before));
                    vm.getRuntime().placeOn(host, di, null, before);
                    s.persist(vm.getRuntime().running("10.3.50." + (10 * h + v + 1), 3030, 4100, 22, before));
                    vms.add(vm.getId());
                }
                vmsOfHost.add(vms);
            }
            return null;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aBatchOfBeatsThatAgreeWithTheDatabaseIsThreeStatementsWhateverItsSize() {
        Instant arrived = Instant.now();
        List<Received> beats = new ArrayList<>();
        for (int h = 2; h < HOSTS; h++) {
            beats.add(new Received(beat(hostNames.get(h), vmsOfHost.get(h)), arrived));
        }
        long statements = applyCounting(beats);
        assertThat(statements)
                .as("hosts, their VMs' ids, the runtimes' update as one JDBC batch")
                .isEqualTo(3);
        db.inTransaction(s -> {
            for (String name : hostNames.subList(2, HOSTS)) {
                Host host = s.createQuery("SELECT h FROM Host h WHERE h.name = :n", Host.class)
                        .setParameter("n", name)
                        .getSingleResult();
                assertThat(host.getRuntime().getHeartbeatAt()).isAfterOrEqualTo(arrived);
                assertThat(host.getRuntime().getState()).isEqualTo(org.qvd.vmas.host.entity.HostState.RUNNING);
            }
            return null;
        });
    }

    @Test
    void aVmMissingFromItsHostsBeatIsStoppedUnlessItStartedAfterTheBeatArrived() {
        List<Long> first = vmsOfHost.get(0);
        Instant arrived = Instant.now().minusSeconds(5);
        long startedLater = db.inTransaction(
                s -> { // placed on the second host and running after its beat arrived
                    Host host = s.createQuery("SELECT h FROM Host h WHERE h.name = :n", Host.class)
                            .setParameter("n", hostNames.get(1))
                            .getSingleResult();
                    Vm vm = new Vm(
                            s.find(Vm.class, first.get(0)).getUser(),
                            s.find(Vm.class, first.get(0)).getOsf(),
                            "late",
                            null,
                            "10.3.51.1",
                            null);
                    s.persist(vm);
                    s.persist(vm.start(Instant.now()));
                    vm.getRuntime().placeOn(host, null, null, Instant.now());
                    s.persist(vm.getRuntime().running("10.3.51.1", 3030, 4100, 22, Instant.now()));
                    return vm.getId();
                });
        applyCounting(List.of(
                new Received(beat(hostNames.get(0), first.subList(1, 3)), arrived),
                new Received(beat(hostNames.get(1), vmsOfHost.get(1)), arrived)));
        db.inTransaction(s -> {
            assertThat(s.find(VmRuntime.class, first.get(0)).getState())
                    .as("not on its host")
                    .isEqualTo(VmState.STOPPED);
            assertThat(s.find(VmRuntime.class, first.get(1)).getState()).isEqualTo(VmState.RUNNING);
            assertThat(s.find(VmRuntime.class, startedLater).getState())
                    .as("running since after the beat")
                    .isEqualTo(VmState.RUNNING);
            return null;
        });
        assertThat(noticed).contains(first.get(0)).doesNotContain(startedLater);
    }

    @Test
    void aHostTheVmasDoesNotKnowJoinsWithItsFirstBeatInABatch() {
        applyCounting(List.of(
                new Received(beat("beat-newcomer", List.of()), Instant.now()),
                new Received(beat(hostNames.get(5), vmsOfHost.get(5)), Instant.now())));
        long joined = db.inTransaction(
                s -> s.createQuery("SELECT COUNT(h) FROM Host h WHERE h.name = 'beat-newcomer'", Long.class)
                        .getSingleResult());
        assertThat(joined).isEqualTo(1);
    }

    private static HostHeartbeat beat(String host, List<Long> vms) {
        return new HostHeartbeat(
                host,
                null,
                "agent-" + host,
                1,
                HostState.RUNNING,
                new HostCapacity(8192, 4096, 1536, 4, 0.5),
                vms.stream()
                        .map(id ->
                                new VmReport(id, "qvd-" + id, org.qvd.protocol.state.VmState.RUNNING, null, null, 512))
                        .toList());
    }

    /** One batch in a fresh session and transaction; returns the SQL statements it prepared. */
    private static long applyCounting(List<Received> beats) {
        return db.inTransaction(s -> {
            Statistics stats = s.getSessionFactory().getStatistics();
            stats.clear();
            batch(s).applyAll(beats);
            s.flush();
            return stats.getPrepareStatementCount();
        });
    }

    private static HeartbeatBatch batch(Session s) {
        HostEvents events = new HostEvents();
        JpaOnPostgres.inject(events, "em", s);
        JpaOnPostgres.inject(events, "notices", new Notices() {
            @Override
            public void vmState(long vmId, org.qvd.protocol.state.VmState state, String reason) {
                noticed.add(vmId);
            }
        });
        JpaOnPostgres.inject(events, "reaper", new OrphanReaper() {
            @Override
            public boolean reap(String hostName, long vmId, String reason) {
                throw new AssertionError("nothing to reap: VM " + vmId + " on " + hostName + ": " + reason);
            }
        });
        HeartbeatBatch batch = new HeartbeatBatch();
        JpaOnPostgres.inject(batch, "em", s);
        JpaOnPostgres.inject(batch, "events", events);
        return batch;
    }
}
