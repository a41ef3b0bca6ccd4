package org.qvd.vmas.vm.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.Function;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.boundary.AdminAuthenticationService;
import org.qvd.vmas.account.control.CallerResolver;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.platform.guard.AsCaller;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.vm.boundary.VmRequests.VmFilter;
import org.qvd.vmas.vm.entity.Vm;

/**
 * What one REST request {@code GET /api/v1/vms?size=20} with a bearer token costs the database, counted by Hibernate's
 * statistics on a real, migrated PostgreSQL, step by step as the server runs it (each step its own transaction): the
 * token's administrator still valid (ApiAuthenticationMechanism → AdminAuthenticationService.tokenValid), the caller
 * and its ACLs (GuardInterceptor → CallerResolver), the page and its count (VmService.list). bench/api measures what
 * the request costs in time; this keeps its statements from growing unnoticed. The caller is one statement (the
 * administrator, its tenant and the ACL generation) once its ACLs are known; its first call also reads its roles.
 */
class VmListRequestQueryCountOnPostgresTest {

    private static JpaOnPostgres db;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
        String hash = new PasswordHasher(4).hash("secret");
        db.inTransaction(s -> {
            Tenant star = s.createNamedQuery(Tenant.BY_NAME, Tenant.class)
                    .setParameter("name", "*")
                    .getSingleResult();
            Role root = s.createNamedQuery(Role.BY_TENANT_AND_NAME, Role.class)
                    .setParameter("tenantId", star.getId())
                    .setParameter("name", "Root")
                    .getSingleResult();
            Administrator admin = new Administrator(star, "lister", hash, null);
            admin.assign(root);
            s.persist(admin);
            Tenant tenant = new Tenant("request-count", null);
            s.persist(tenant);
            Osf osf = new Osf(tenant, "debian", 512, true, 1024, null);
            s.persist(osf);
            AppUser user = new AppUser(tenant, "owner", hash, null);
            s.persist(user);
            for (int v = 0; v < 25; v++) {
                s.persist(new Vm(user, osf, "desk" + v, null, "10.3.60." + (v + 1), null));
            }
            return null;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aBearerRequestForAFullPageOfTwentyCostsFourStatements() {
        String principal = "lister@*";
        long token = statements(s -> {
            AdminAuthenticationService admins = new AdminAuthenticationService();
            JpaOnPostgres.inject(admins, "em", s);
            assertThat(admins.tokenValid(principal, Instant.now().minusSeconds(1)))
                    .isTrue();
        });
        Caller[] caller = new Caller[1];
        CallerResolver resolver = new CallerResolver(); // one per server: it keeps ACLs read at an ACL generation
        long firstCaller = statements(s -> {
            JpaOnPostgres.inject(resolver, "em", s);
            caller[0] = resolver.resolve(principal);
        });
        long callerAndAcls = statements(s -> {
            JpaOnPostgres.inject(resolver, "em", s);
            caller[0] = resolver.resolve(principal);
        });
        long page = statements(s -> {
            VmService service = new VmService();
            JpaOnPostgres.inject(service, "em", s);
            Page<VmDto> items =
                    AsCaller.call(caller[0], () -> service.list(VmFilter.any(), new PageRequest(0, 20, null, false)));
            assertThat(items.items()).hasSize(20);
        });
        assertThat(caller[0].acls()).contains("vm.see", "tenant.update");
        assertThat(firstCaller).as("the caller's first call reads its roles").isGreaterThan(1);
        assertThat(new long[] {token, callerAndAcls, page})
                .as("token check, caller with its ACLs, page with its count")
                .containsExactly(1, 1, 2);
    }

    private static long statements(java.util.function.Consumer<Session> step) {
        return db.inTransaction((Function<Session, Long>) s -> {
            var stats = s.getSessionFactory().getStatistics();
            stats.clear();
            step.accept(s);
            return stats.getPrepareStatementCount();
        });
    }
}
