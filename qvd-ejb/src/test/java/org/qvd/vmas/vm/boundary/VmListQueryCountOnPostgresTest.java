package org.qvd.vmas.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.image.entity.TagRules;
import org.qvd.vmas.platform.AsCaller;
import org.qvd.vmas.platform.Caller;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.platform.Page;
import org.qvd.vmas.platform.PageRequest;
import org.qvd.vmas.vm.boundary.VmRequests.VmFilter;
import org.qvd.vmas.vm.entity.Vm;

/**
 * What one VM list page (the REST {@code GET /api/v1/vms} and the WAT's VM list) costs the database, counted by
 * Hibernate's statistics on a real, migrated PostgreSQL: one query for the page and one for the count, whatever the
 * page holds (VMs of several users, OSFs and hosts, running and stopped), sorted or filtered.
 */
class VmListQueryCountOnPostgresTest {

    private static final Caller SUPERADMIN = new Caller(1L, "superadmin", 0L, "*", Set.of("vm.see"));
    private static JpaOnPostgres db;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
        String hash = new PasswordHasher(4).hash("secret");
        db.inTransaction(s -> {
            for (int t = 0; t < 2; t++) {
                Tenant tenant = new Tenant("count-" + t, null);
                s.persist(tenant);
                Osf osf = new Osf(tenant, "debian", 512, true, 1024, null);
                s.persist(osf);
                Di di = TagRules.addDi(osf, "1.0", "count-" + t + ".qcow2", null, false);
                s.persist(di);
                Host[] hosts = new Host[3];
                for (int h = 0; h < hosts.length; h++) {
                    hosts[h] = new Host("count-" + t + "-" + h, "192.0.2." + (10 * t + h + 1), null);
                    s.persist(hosts[h]);
                }
                for (int u = 0; u < 4; u++) {
                    AppUser user = new AppUser(tenant, "user" + u, hash, null);
                    s.persist(user);
                    for (int v = 0; v < 4; v++) {
                        Vm vm = new Vm(user, osf, "desk" + v, null, "10.3." + (40 + t) + "." + (10 * u + v + 1), null);
                        s.persist(vm);
                        if (v % 2 == 0) { // half of them run, spread over the hosts
                            s.persist(vm.start(Instant.now()));
                            vm.getRuntime().placeOn(hosts[u % hosts.length], di, null, Instant.now());
                            s.persist(vm.getRuntime().running("10.3.15.10", 3030, 4100, 22, Instant.now()));
                        }
                    }
                }
            }
            return null;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aPageOfTwentyIsOneQueryPlusTheCount() {
        Page<VmDto> page = listAndCount(VmFilter.any(), new PageRequest(0, 20, null, false));
        assertThat(page.items()).hasSize(20);
        assertThat(page.total()).isEqualTo(32);
        assertThat(page.items()).anySatisfy(v -> {
            assertThat(v.state()).isEqualTo("running");
            assertThat(v.hostName()).startsWith("count-");
            assertThat(v.currentDiVersion()).isEqualTo("1.0");
        });
        assertThat(page.items()).allSatisfy(v -> assertThat(v.userLogin()).startsWith("user"));
    }

    @Test
    void sortedByUserOrFilteredByStateItIsStillOneQueryPlusTheCount() {
        Page<VmDto> byUser = listAndCount(VmFilter.any(), new PageRequest(1, 10, "user", true));
        assertThat(byUser.items()).hasSize(10);
        Page<VmDto> running = listAndCount(
                new VmFilter(null, null, null, null, null, "running", null), new PageRequest(0, 20, "osf", false));
        assertThat(running.total()).isEqualTo(16);
        assertThat(running.items()).allSatisfy(v -> assertThat(v.hostId()).isNotNull());
    }

    /** One page in a fresh session (nothing cached), asserting it cost exactly two SQL statements. */
    private static Page<VmDto> listAndCount(VmFilter filter, PageRequest request) {
        return db.inTransaction(s -> {
            Statistics stats = s.getSessionFactory().getStatistics();
            stats.clear();
            Page<VmDto> page = AsCaller.call(SUPERADMIN, () -> service(s).list(filter, request));
            assertThat(stats.getPrepareStatementCount())
                    .as("SQL statements for one page and its count")
                    .isEqualTo(2);
            return page;
        });
    }

    private static VmService service(Session s) {
        VmService service = new VmService();
        JpaOnPostgres.inject(service, "em", s);
        return service;
    }
}
