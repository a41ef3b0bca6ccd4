package org.qvd.vmas.vm.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.host.control.HostPlacement.Candidate;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.vm.entity.Vm;

/**
 * What placement reads of the hosts ({@link VmLifecycle#candidates()}) on a real, migrated PostgreSQL: only running,
 * unblocked hosts, each with the number of VMs placed on it and the memory of those still starting there.
 */
class PlacementCandidatesOnPostgresTest {

    private static JpaOnPostgres db;
    private static int hosts;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
        db.inTransaction(s -> {
            Tenant tenant = new Tenant("place", null);
            s.persist(tenant);
            Osf small = new Osf(tenant, "small", 512, true, 1024, null);
            Osf big = new Osf(tenant, "big", 2048, true, 1024, null);
            s.persist(small);
            s.persist(big);
            AppUser user = new AppUser(tenant, "placer", new PasswordHasher(4).hash("secret"), null);
            s.persist(user);
            Instant now = Instant.now();
            Host busy = host(s, "busy", now);
            host(s, "idle", now);
            Host lost = host(s, "gone", now);
            Host blocked = host(s, "blocked", now);
            blocked.block();
            int ip = 1;
            // busy: two running VMs and two starting (512 + 2048 MB); lost and blocked hosts hold VMs too
            for (Object[] vm : new Object[][] {
                {busy, small, true},
                {busy, big, true},
                {busy, small, false},
                {busy, big, false},
                {lost, small, false},
                {blocked, small, false}
            }) {
                Vm v = new Vm(user, (Osf) vm[1], "desk-" + ip, null, "10.3.90." + ip, null);
                s.persist(v);
                s.persist(v.start(now));
                v.getRuntime().placeOn((Host) vm[0], null, null, now);
                if ((Boolean) vm[2]) {
                    s.persist(v.getRuntime().running("10.3.90." + ip, 3030, 4100, 22, now));
                }
                ip++;
            }
            lost.getRuntime().moveTo(HostState.LOST, now);
            return null;
        });
    }

    private static Host host(org.hibernate.Session s, String name, Instant now) {
        Host host = new Host(name, "192.0.2." + (++hosts), null);
        s.persist(host);
        host.getRuntime().heartbeat(now, 16_384L, 4, 0.5);
        return host;
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void runningUnblockedHostsWithTheirVmCountAndTheMemoryOfTheVmsStartingThere() {
        List<Candidate> candidates = db.inTransaction(s -> {
            VmLifecycle lifecycle = new VmLifecycle();
            JpaOnPostgres.inject(lifecycle, "em", s);
            return lifecycle.candidates();
        });
        Map<String, Candidate> byName = candidates.stream().collect(Collectors.toMap(Candidate::name, c -> c));
        assertThat(byName).containsOnlyKeys("busy", "idle");
        assertThat(byName.get("busy").vmCount()).isEqualTo(4);
        assertThat(byName.get("busy").committedRamMb()).isEqualTo(512 + 2048);
        assertThat(byName.get("busy").freeRamMb()).isEqualTo(16_384);
        assertThat(byName.get("busy").cpus()).isEqualTo(4);
        assertThat(byName.get("idle").vmCount()).isZero();
        assertThat(byName.get("idle").committedRamMb()).isZero();
    }
}
