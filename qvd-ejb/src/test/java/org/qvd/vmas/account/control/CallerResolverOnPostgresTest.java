package org.qvd.vmas.account.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.boundary.AdminAuthenticationService;
import org.qvd.vmas.account.entity.Acl;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.platform.error.ForbiddenException;
import org.qvd.vmas.platform.guard.Caller;

/**
 * The caller of every guarded call, on a real, migrated PostgreSQL: one statement per call once its ACLs are known,
 * and a change to its roles — through the entities or in SQL by hand, as another node would — or a block is seen at
 * the very next call (the database's ACL generation, V130); and a bearer token's check, one statement too, void once
 * its administrator or tenant is blocked or its password changed.
 */
class CallerResolverOnPostgresTest {

    private static JpaOnPostgres db;
    private static long roleId;
    private final CallerResolver resolver = new CallerResolver();

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
        String hash = new PasswordHasher(4).hash("secret");
        roleId = db.inTransaction(s -> {
            Tenant tenant = new Tenant("resolver", null);
            s.persist(tenant);
            Role role = new Role(tenant, "seers", null);
            role.grant(acl(s, "vm.see"));
            s.persist(role);
            for (String name : List.of("ann", "bob", "carl")) {
                Administrator admin = new Administrator(tenant, name, hash, null);
                admin.assign(role);
                s.persist(admin);
            }
            return role.getId();
        });
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aKnownCallerCostsOneStatementAndARoleChangeIsSeenAtTheNextCall() {
        assertThat(resolve("ann@resolver").acls()).containsExactly("vm.see");
        assertThat(statements(() -> assertThat(resolve("ann@resolver").acls()).containsExactly("vm.see")))
                .as("a caller whose ACLs did not change")
                .isEqualTo(1);

        inTransaction(s -> s.find(Role.class, roleId).grant(acl(s, "vm.update")));
        assertThat(resolve("ann@resolver").acls()).containsExactlyInAnyOrder("vm.see", "vm.update");

        // by hand in SQL, as an administrator on another node or a DBA would: no entity, no cache of this node told
        inTransaction(s -> s.createNativeQuery("DELETE FROM role_acl WHERE role_id = ?1 AND acl_id = "
                        + "(SELECT id FROM acl WHERE name = 'vm.see')")
                .setParameter(1, roleId)
                .executeUpdate());
        assertThat(resolve("ann@resolver").acls()).containsExactly("vm.update");
        inTransaction(s -> s.createNativeQuery("DELETE FROM administrator_role WHERE administrator_id = "
                        + "(SELECT id FROM administrator WHERE name = 'ann')")
                .executeUpdate());
        assertThat(resolve("ann@resolver").acls()).isEmpty();
    }

    @Test
    void aBlockedAdministratorOrTenantOrAnUnknownOneIsRefused() {
        assertThat(resolve("bob@resolver").adminName()).isEqualTo("bob");
        inTransaction(s -> s.createNativeQuery("UPDATE administrator SET blocked = TRUE WHERE name = 'bob'")
                .executeUpdate());
        assertThatThrownBy(() -> resolve("bob@resolver"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("not an active administrator");
        inTransaction(s -> s.createNativeQuery("UPDATE administrator SET blocked = FALSE WHERE name = 'bob'")
                .executeUpdate());
        assertThat(resolve("bob@resolver").tenantName()).isEqualTo("resolver");
        inTransaction(s -> s.createNativeQuery("UPDATE tenant SET blocked = TRUE WHERE name = 'resolver'")
                .executeUpdate());
        assertThatThrownBy(() -> resolve("bob@resolver")).isInstanceOf(ForbiddenException.class);
        inTransaction(s -> s.createNativeQuery("UPDATE tenant SET blocked = FALSE WHERE name = 'resolver'")
                .executeUpdate());
        assertThatThrownBy(() -> resolve("nobody@resolver")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> resolve("anonymous")).isInstanceOf(ForbiddenException.class);
    }

    /** The other check of every API (bearer) and WAT request: {@code AdminAuthenticationService.tokenValid}. */
    @Test
    void aTokenIsVoidOnceItsAdministratorOrTenantIsBlockedOrItsPasswordChanges() {
        Instant issued = Instant.now().minusSeconds(5);
        assertThat(tokenValid("carl@resolver", issued)).isTrue();
        assertThat(statements(() -> tokenValid("carl@resolver", issued))).isEqualTo(1);
        assertThat(tokenValid("nobody@resolver", issued)).isFalse();
        inTransaction(s -> s.createNativeQuery("UPDATE tenant SET blocked = TRUE WHERE name = 'resolver'")
                .executeUpdate());
        assertThat(tokenValid("carl@resolver", issued)).isFalse();
        inTransaction(s -> s.createNativeQuery("UPDATE tenant SET blocked = FALSE WHERE name = 'resolver'")
                .executeUpdate());
        inTransaction(s -> s.createNamedQuery(Administrator.BY_LOGIN, Administrator.class)
                .setParameter("name", "carl")
                .setParameter("tenant", "resolver")
                .getSingleResult()
                .changePasswordHash("$2a$04$changed"));
        assertThat(tokenValid("carl@resolver", issued))
                .as("issued before the change")
                .isFalse();
        assertThat(tokenValid("carl@resolver", Instant.now().plusSeconds(1))).isTrue();
        inTransaction(s -> s.createNamedQuery(Administrator.BY_LOGIN, Administrator.class)
                .setParameter("name", "carl")
                .setParameter("tenant", "resolver")
                .getSingleResult()
                .block());
        assertThat(tokenValid("carl@resolver", Instant.now().plusSeconds(1))).isFalse();
    }

    private static boolean tokenValid(String principal, Instant issuedAt) {
        return db.inTransaction(s -> {
            AdminAuthenticationService admins = new AdminAuthenticationService();
            JpaOnPostgres.inject(admins, "em", s);
            return admins.tokenValid(principal, issuedAt);
        });
    }

    private Caller resolve(String principal) {
        return db.inTransaction(s -> {
            JpaOnPostgres.inject(resolver, "em", s);
            return resolver.resolve(principal);
        });
    }

    private static long statements(Runnable work) {
        var stats = db.hibernate().getStatistics();
        stats.clear();
        work.run();
        return stats.getPrepareStatementCount();
    }

    private static void inTransaction(Consumer<Session> work) {
        db.inTransaction(s -> {
            work.accept(s);
            return null;
        });
    }

    private static Acl acl(Session s, String name) {
        return s.createNamedQuery(Acl.BY_NAMES, Acl.class)
                .setParameter("names", List.of(name))
                .getSingleResult();
    }
}
