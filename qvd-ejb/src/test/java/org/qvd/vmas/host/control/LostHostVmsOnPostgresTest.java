package org.qvd.vmas.host.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.session.notice.Notices;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;

/**
 * The VMs of a lost host, settled in the loss detector's next round ({@link LostHostVms}) on a real PostgreSQL: each
 * a zombie once, then stopped and off the host, a notice each; the VMs of hosts that still run are left alone.
 */
class LostHostVmsOnPostgresTest {

    private static JpaOnPostgres db;
    private static final List<Long> onLost = new ArrayList<>();
    private static final List<Long> onRunning = new ArrayList<>();
    private static final List<Long> noticed = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
        db.inTransaction(s -> {
            Tenant tenant = new Tenant("lost", null);
            s.persist(tenant);
            Osf osf = new Osf(tenant, "debian", 512, true, 1024, null);
            s.persist(osf);
            AppUser user = new AppUser(tenant, "loser", new PasswordHasher(4).hash("secret"), null);
            s.persist(user);
            Instant before = Instant.now().minusSeconds(60);
            Host lost = new Host("lost-1", "192.0.2.71", null);
            Host alive = new Host("alive-1", "192.0.2.72", null);
            s.persist(lost);
            s.persist(alive);
            for (int v = 0; v < 4; v++) {
                Host host = v % 2 == 0 ? lost : alive;
                Vm vm = new Vm(user, osf, "desk" + v, null, "10.3.70." + (v + 1), null);
                s.persist(vm);
                s.persist(vm.start(before));
                vm.getRuntime().placeOn(host, null, null, before);
                s.persist(vm.getRuntime().running("10.3.70." + (v + 1), 3030, 4100, 22, before));
                (host == lost ? onLost : onRunning).add(vm.getId());
            }
            lost.getRuntime().heartbeat(before, 1024L, 2, 0.1);
            alive.getRuntime().heartbeat(Instant.now(), 1024L, 2, 0.1);
            lost.getRuntime().moveTo(HostState.LOST, Instant.now());
            return null;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void theVmsOfALostHostBecomeZombiesOnceThenStoppedAndTheOthersRun() {
        int first = db.inTransaction(s -> settler(s).settle());
        int second = db.inTransaction(s -> settler(s).settle());
        assertThat(first).isEqualTo(2);
        assertThat(second).as("nothing left for the next round").isZero();
        db.inTransaction(s -> {
            for (long id : onLost) {
                VmRuntime vm = s.find(VmRuntime.class, id);
                assertThat(vm.getState()).isEqualTo(VmState.STOPPED);
                assertThat(vm.getHost()).isNull();
                assertThat(s.createQuery(
                                        "SELECT COUNT(h) FROM VmStateHistory h WHERE h.vm.id = :id AND h.toState = :z",
                                        Long.class)
                                .setParameter("id", id)
                                .setParameter("z", VmState.ZOMBIE)
                                .getSingleResult())
                        .isEqualTo(1);
            }
            for (long id : onRunning) {
                assertThat(s.find(VmRuntime.class, id).getState()).isEqualTo(VmState.RUNNING);
            }
            return null;
        });
        assertThat(noticed).containsExactlyInAnyOrderElementsOf(onLost);
    }

    private static LostHostVms settler(Session s) {
        LostHostVms settler = new LostHostVms();
        JpaOnPostgres.inject(settler, "em", s);
        JpaOnPostgres.inject(settler, "notices", new Notices() {
            @Override
            public void vmState(long vmId, org.qvd.protocol.state.VmState state, String reason) {
                noticed.add(vmId);
            }
        });
        return settler;
    }
}
