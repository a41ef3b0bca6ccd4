package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.system.api.Fixtures.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/** GET /api/v1/statistics: one call, counted per tenant scope, sections by ACL. */
@ExtendWith(RunningSystem.class)
class StatisticsApiIT {

    @Test
    void countsTheCallersTenantAndWhatASuperadminNames(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        long tenant = admin.tenant().id();
        long user = Fixtures.user(admin.api(), null);
        long blockedUser = Fixtures.user(admin.api(), null);
        assertThat(admin.api().post("/users/" + blockedUser + "/block", "").status())
                .isEqualTo(200);
        long osf = Fixtures.osf(admin.api(), null);
        Fixtures.di(admin.api(), osf);
        long vm = Fixtures.vm(admin.api(), user, osf);
        Fixtures.vm(admin.api(), user, osf);
        assertThat(admin.api()
                        .patch(
                                "/vms/" + vm,
                                Map.of(
                                        "expirationSoft",
                                        "2031-01-01T00:00:00Z",
                                        "expirationHard",
                                        "2031-01-02T00:00:00Z"))
                        .status())
                .isEqualTo(200);
        Fixtures.user(api, Fixtures.tenant(api).id()); // another tenant's user, counted only without a scope

        JsonNode own = admin.api().get("/statistics?tenantId=0&expiring=5").body();
        assertThat(own.get("tenantId").asLong())
                .as("a tenant admin always gets its own tenant")
                .isEqualTo(tenant);
        assertThat(own.at("/users/total").asLong()).isEqualTo(2);
        assertThat(own.at("/users/blocked").asLong()).isEqualTo(1);
        assertThat(own.at("/vms/total").asLong()).isEqualTo(2);
        assertThat(own.at("/vms/byState/stopped").asLong()).isEqualTo(2);
        assertThat(own.at("/vms/byState/running").asLong()).isZero();
        assertThat(own.at("/vms/byUserState/disconnected").asLong()).isEqualTo(2);
        assertThat(own.get("osfs").asLong()).isEqualTo(1);
        assertThat(own.get("dis").asLong()).isEqualTo(1);
        assertThat(own.get("expiring")).hasSize(1);
        assertThat(own.at("/expiring/0/id").asLong()).isEqualTo(vm);
        assertThat(own.at("/hosts/byState").has("lost")).isTrue();
        assertThat(own.get("hostLoads").isArray()).isTrue();

        JsonNode named = api.get("/statistics?tenantId=" + tenant).body();
        assertThat(named.at("/vms/total").asLong()).isEqualTo(2);
        assertThat(named.at("/users/total").asLong()).isEqualTo(2);
        JsonNode all = api.get("/statistics").body();
        assertThat(all.path("tenantId").isMissingNode() || all.get("tenantId").isNull())
                .as("no scope")
                .isTrue();
        assertThat(all.at("/users/total").asLong()).isGreaterThan(2);
    }

    @Test
    void refusesAnonymousCallersAndAnExpiringCountOutOfRange(QvdSystem system) {
        problem(Api.anonymous(system).get("/statistics"), 401, "auth.unauthenticated");
        problem(Api.superadmin(system).get("/statistics?expiring=101"), 400, "validation.failed");
    }
}
