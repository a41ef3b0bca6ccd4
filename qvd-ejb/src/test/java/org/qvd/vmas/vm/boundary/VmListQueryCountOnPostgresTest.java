package org.qvd.vmas.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
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
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.guard.AsCaller;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.vm.boundary.VmRequests.VmFilter;
import org.qvd.vmas.vm.entity.LastConnection;
import org.qvd.vmas.vm.entity.Vm;

/**
 * What one VM list page (the REST {@code GET /api/v1/vms} and the WAT's VM list) costs the database, counted by
 * Hibernate's statistics on a real, migrated PostgreSQL: one query for the page and, when the page is full, one for
 * the count, whatever the page holds (VMs of several users, OSFs and hosts, running and stopped), sorted, filtered or
 * scoped to a tenant; and each row of that projection equals what the entity shows.
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
                        Vm vm = new Vm(
                                user,
                                osf,
                                "desk" + v,
                                null,
                                "10.3." + (40 + t) + "." + (10 * u + v + 1),
                                v == 1 ? "described" : null);
                        if (v == 1) {
                            vm.block();
                            vm.expire(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-02T00:00:00Z"));
                        }
                        s.persist(vm);
                        if (v % 2 == 0) { // half of them run, spread over the hosts
                            s.persist(vm.start(Instant.now()));
                            vm.getRuntime().placeOn(hosts[u % hosts.length], di, null, Instant.now());
                            s.persist(vm.getRuntime().running("10.3.15.10", 3030, 4100, 22, Instant.now()));
                            Instant opened = Instant.parse("2026-12-01T08:00:00Z");
                            vm.getRuntime()
                                    .recordConnection(
                                            u == 0
                                                    ? LastConnection.opened(opened, "node-a")
                                                    : LastConnection.closed(
                                                            opened, opened.plusSeconds(60), 10, 20, "node-b"));
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
    void aFullPageIsOneQueryPlusTheCount() {
        Page<VmDto> page = list(SUPERADMIN, VmFilter.any(), new PageRequest(0, 20, null, false), 2);
        assertThat(page.items()).hasSize(20);
        assertThat(page.total()).isEqualTo(32);
        assertThat(page.items()).anySatisfy(v -> {
            assertThat(v.state().wireName()).isEqualTo("running");
            assertThat(v.hostName()).startsWith("count-");
            assertThat(v.currentDiVersion()).isEqualTo("1.0");
        });
        assertThat(page.items()).allSatisfy(v -> assertThat(v.userLogin()).startsWith("user"));
    }

    @Test
    void aPageThatEndsTheListNeedsNoCount() {
        Page<VmDto> last = list(SUPERADMIN, VmFilter.any(), new PageRequest(1, 20, null, false), 1);
        assertThat(last.items()).hasSize(12);
        assertThat(last.total()).isEqualTo(32);
        Page<VmDto> running = list(
                SUPERADMIN,
                new VmFilter(null, null, null, null, null, "running", null),
                new PageRequest(0, 20, "osf", false),
                1);
        assertThat(running.total()).isEqualTo(16);
        assertThat(running.items())
                .hasSize(16)
                .allSatisfy(v -> assertThat(v.hostId()).isNotNull());
    }

    @Test
    void aPagePastTheEndCountsToTellTheTotal() {
        Page<VmDto> past = list(SUPERADMIN, VmFilter.any(), new PageRequest(5, 20, null, false), 2);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(32);
    }

    @Test
    void sortedByUserOrScopedToATenantItIsStillOneQueryPlusTheCount() {
        Page<VmDto> byUser = list(SUPERADMIN, VmFilter.any(), new PageRequest(1, 10, "user", true), 2);
        assertThat(byUser.items()).hasSize(10);
        assertThat(byUser.items())
                .extracting(VmDto::userLogin)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        long tenantId = byUser.items().get(0).tenantId();
        Caller tenantAdmin = new Caller(2L, "admin", tenantId, "count-x", Set.of("vm.see"));
        Page<VmDto> scoped = list(tenantAdmin, VmFilter.any(), new PageRequest(0, 10, "state", true), 2);
        assertThat(scoped.total()).isEqualTo(16);
        assertThat(scoped.items())
                .hasSize(10)
                .allSatisfy(v -> assertThat(v.tenantId()).isEqualTo(tenantId));
        assertThat(scoped.items().get(0).state().wireName()).isEqualTo("stopped"); // descending: stopped > running
    }

    @Test
    void everyFilterNarrowsTheListAndEverySortOrdersIt() {
        VmDto running = list(
                        SUPERADMIN,
                        new VmFilter(null, null, null, null, null, "running", null),
                        new PageRequest(0, 1, null, false),
                        2)
                .items()
                .get(0);
        assertThat(filtered(new VmFilter(null, null, null, null, "DESK1", null, null)))
                .hasSize(8)
                .allSatisfy(v -> assertThat(v.name()).isEqualTo("desk1"));
        assertThat(filtered(new VmFilter(null, null, null, null, "des_", null, null)))
                .as("_ is a character, not a wildcard")
                .isEmpty();
        assertThat(filtered(new VmFilter(null, null, null, null, null, null, true)))
                .hasSize(8)
                .allSatisfy(v -> assertThat(v.blocked()).isTrue());
        assertThat(filtered(new VmFilter(null, running.userId(), null, null, null, null, null)))
                .hasSize(4)
                .allSatisfy(v -> assertThat(v.userId()).isEqualTo(running.userId()));
        assertThat(filtered(new VmFilter(null, null, running.osfId(), null, null, null, null)))
                .hasSize(16)
                .allSatisfy(v -> assertThat(v.tenantId()).isEqualTo(running.tenantId()));
        assertThat(filtered(new VmFilter(null, null, null, running.hostId(), null, "running", false)))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.hostName()).isEqualTo(running.hostName()));
        assertThat(filtered(new VmFilter(running.tenantId(), null, null, null, null, null, null)))
                .hasSize(16);
        for (String sort : List.of("id", "name", "ip", "user", "osf", "state", "createdAt")) {
            for (boolean descending : new boolean[] {false, true}) {
                assertThat(list(SUPERADMIN, VmFilter.any(), new PageRequest(0, 50, sort, descending), 1)
                                .items())
                        .as(sort + (descending ? " descending" : ""))
                        .hasSize(32);
            }
        }
        assertThat(list(SUPERADMIN, VmFilter.any(), new PageRequest(0, 50, "name", true), 1)
                        .items())
                .extracting(VmDto::name)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static List<VmDto> filtered(VmFilter filter) {
        return list(SUPERADMIN, filter, new PageRequest(0, 50, null, false), 1).items();
    }

    @Test
    void anUnknownSortIsRefusedBeforeAnyQuery() {
        db.inTransaction(s -> {
            Statistics stats = s.getSessionFactory().getStatistics();
            stats.clear();
            assertThatThrownBy(() -> AsCaller.call(
                            SUPERADMIN,
                            () -> service(s).list(VmFilter.any(), new PageRequest(0, 20, "password", false))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("cannot sort by 'password'");
            assertThat(stats.getPrepareStatementCount()).isZero();
            return null;
        });
    }

    /** Each row of the projection is what {@link VmDto#of} makes of the loaded entity: no column is lost or swapped. */
    @Test
    void eachRowIsWhatTheEntityShows() {
        List<VmDto> rows = list(SUPERADMIN, VmFilter.any(), new PageRequest(0, 500, null, false), 1)
                .items();
        List<VmDto> entities = db.inTransaction(
                s -> s.createQuery("SELECT v FROM Vm v ORDER BY v.id", Vm.class).getResultList().stream()
                        .map(VmDto::of)
                        .toList());
        assertThat(rows).hasSize(32).isEqualTo(entities);
        assertThat(rows).anySatisfy(v -> {
            assertThat(v.blocked()).isTrue();
            assertThat(v.description()).isEqualTo("described");
            assertThat(v.expirationHard()).isEqualTo(Instant.parse("2030-01-02T00:00:00Z"));
        });
        assertThat(rows).anySatisfy(v -> assertThat(v.lastBytesToClient()).isEqualTo(20L));
        assertThat(rows).anySatisfy(v -> assertThat(v.lastConnectionNode()).isEqualTo("node-a"));
    }

    /** One page in a fresh session (nothing cached), asserting how many SQL statements it cost. */
    private static Page<VmDto> list(Caller caller, VmFilter filter, PageRequest request, int statements) {
        return db.inTransaction(s -> {
            Statistics stats = s.getSessionFactory().getStatistics();
            stats.clear();
            Page<VmDto> page = AsCaller.call(caller, () -> service(s).list(filter, request));
            assertThat(stats.getPrepareStatementCount())
                    .as("SQL statements for one page (and its count when the page is full)")
                    .isEqualTo(statements);
            return page;
        });
    }

    private static VmService service(Session s) {
        VmService service = new VmService();
        JpaOnPostgres.inject(service, "em", s);
        return service;
    }
}
