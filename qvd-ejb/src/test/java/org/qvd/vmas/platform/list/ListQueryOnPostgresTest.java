package org.qvd.vmas.platform.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.JpaOnPostgres;
import org.qvd.vmas.platform.error.InvalidInputException;

/**
 * The admin lists other than the VMs' (users, administrators, tenants, roles, OSFs, DIs, hosts, audit) on a real,
 * migrated PostgreSQL: filters, the whitelisted sort both ways, the count only for a full page, and the query's
 * translation taken from Hibernate's cache on the next call with the same filters (the Criteria trees they were
 * before were translated anew on every call).
 */
class ListQueryOnPostgresTest {

    private static final Map<String, String> SORTABLE = Map.of("login", "login", "tenant", "tenant.name");
    private static JpaOnPostgres db;
    private static long tenantId;

    @BeforeAll
    static void start() throws Exception {
        db = new JpaOnPostgres();
        tenantId = db.inTransaction(s -> {
            Tenant tenant = new Tenant("list-query", null);
            s.persist(tenant);
            for (int i = 0; i < 7; i++) {
                s.persist(new AppUser(tenant, "user" + i, "x", null));
            }
            s.persist(new AppUser(tenant, "under_score", "x", null));
            s.persist(new AppUser(tenant, "underXscore", "x", null));
            Tenant other = new Tenant("list-query-other", null);
            s.persist(other);
            s.persist(new AppUser(other, "user-elsewhere", "x", null));
            return tenant.getId();
        });
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static Page<String> users(PageRequest request, Long tenant, String login) {
        return db.inTransaction(s -> ListQuery.page(
                s,
                AppUser.class,
                request,
                SORTABLE,
                where -> where.equal("tenant.id", tenant).contains("login", login),
                AppUser::getLogin));
    }

    @Test
    void filtersSortsAndCountsOnlyAFullPage() {
        Page<String> first = users(new PageRequest(0, 3, "login", true), tenantId, "USER");
        assertThat(first.items()).containsExactly("user6", "user5", "user4");
        assertThat(first.total()).isEqualTo(7);
        Page<String> last = users(new PageRequest(2, 3, "login", true), tenantId, "user");
        assertThat(last.items()).containsExactly("user0");
        assertThat(last.total()).isEqualTo(7);
        assertThat(users(new PageRequest(0, 20, null, false), null, "user").items())
                .as("no tenant scope: every tenant's")
                .contains("user-elsewhere");
    }

    @Test
    void anUnderscoreInTheFilterIsALiteral() {
        assertThat(users(new PageRequest(0, 20, null, false), tenantId, "r_s").items())
                .containsExactly("under_score");
    }

    @Test
    void aSortOutsideTheWhitelistIsRefusedWithoutAQuery() {
        assertThatThrownBy(() -> users(new PageRequest(0, 20, "password_hash", false), tenantId, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("allowed");
    }

    @Test
    void theSameFiltersReuseTheTranslatedQuery() {
        users(new PageRequest(0, 3, "tenant", false), tenantId, "user"); // page and count translated once
        long hits = db.inTransaction(s -> s.getSessionFactory().getStatistics().getQueryPlanCacheHitCount());
        users(new PageRequest(1, 3, "tenant", false), tenantId, "user");
        long after = db.inTransaction(s -> s.getSessionFactory().getStatistics().getQueryPlanCacheHitCount());
        assertThat(after - hits)
                .as("the page's and the count's translations from the cache")
                .isGreaterThanOrEqualTo(2);
    }
}
