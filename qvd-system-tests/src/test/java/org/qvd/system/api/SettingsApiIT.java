package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.system.api.Fixtures.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/** Properties, configuration, audit log and counters. */
@ExtendWith(RunningSystem.class)
class SettingsApiIT {

    @Test
    void setsListsAndDeletesPropertiesOfAVm(QvdSystem system) {
        Api api = Api.superadmin(system);
        long tenant = Fixtures.tenant(api).id();
        long vm = Fixtures.vm(api, Fixtures.user(api, tenant), Fixtures.osf(api, tenant));
        JsonNode set = api.put("/properties/vm/" + vm + "/qvd.client.keyboard", Map.of("value", "es"))
                .body();
        assertThat(set.get("value").asText()).isEqualTo("es");
        api.put("/properties/vm/" + vm + "/qvd.client.keyboard", Map.of("value", "pt"));
        JsonNode list = api.get("/properties/vm/" + vm).body();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("value").asText()).isEqualTo("pt");
        assertThat(api.delete("/properties/vm/" + vm + "/qvd.client.keyboard").status())
                .isEqualTo(204);
        problem(api.delete("/properties/vm/" + vm + "/qvd.client.keyboard"), 404, "property.not_found");
        problem(api.get("/properties/toaster/" + vm), 404, "property_owner.not_found");
        problem(api.put("/properties/vm/" + vm + "/k", Map.of()), 400, "validation.failed");
        Fixtures.TenantAdmin other = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        problem(other.api().get("/properties/vm/" + vm), 404, "vm.not_found");
    }

    @Test
    void setsAndResetsConfiguration(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        JsonNode set = admin.api()
                .put("/config/osf.default.memory", Map.of("value", "768"))
                .body();
        assertThat(set.get("value").asText()).isEqualTo("768");
        assertThat(admin.api()
                        .get("/config/osf.default.memory")
                        .body()
                        .get("value")
                        .asText())
                .isEqualTo("768");
        assertThat(api.get("/config/osf.default.memory").body().get("value").asText())
                .as("global value")
                .isEqualTo("256");
        assertThat(admin.api().get("/config?key=osf.default").body()).isNotEmpty();
        problem(admin.api().put("/config/osf.default.memory", Map.of("value", "lots")), 400, "config.invalid_value");
        assertThat(admin.api()
                        .delete("/config/osf.default.memory")
                        .body()
                        .get("value")
                        .asText())
                .isEqualTo("256");
        problem(admin.api().delete("/config/osf.default.memory"), 404, "config.not_found");
    }

    @Test
    void auditsEveryActionWithTheCallersAddress(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        long user = Fixtures.user(admin.api(), null);
        admin.api().post("/users", Map.of("login", "x y", "password", "p"));
        JsonNode entries = admin.api()
                .get("/audit?objectType=user&objectId=" + user)
                .body()
                .get("items");
        assertThat(entries).hasSize(1);
        JsonNode created = entries.get(0);
        assertThat(created.get("action").asText()).isEqualTo("user.create");
        assertThat(created.get("result").asText()).isEqualTo("ok");
        assertThat(created.get("adminName").asText()).isEqualTo(admin.login());
        assertThat(created.get("sourceAddress").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        // a refusal by validation is audited before the caller's tenant is known: only superadmins see it
        JsonNode refused = api.get("/audit?action=user.create&result=validation.failed&admin=" + admin.login())
                .body()
                .get("items");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("sourceAddress").asText()).isNotBlank();
        problem(admin.api().get("/audit?from=yesterday"), 400, "validation.failed");
        assertThat(Fixtures.tenantAdmin(system, api, "Tenant Admin")
                        .api()
                        .get("/audit?objectType=user&objectId=" + user)
                        .body()
                        .get("total")
                        .asLong())
                .as("another tenant's audit")
                .isZero();
    }

    @Test
    void countsVmsAndHostsByState(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        Fixtures.vm(admin.api(), Fixtures.user(admin.api(), null), Fixtures.osf(admin.api(), null));
        JsonNode mine = admin.api().get("/counters").body();
        assertThat(mine.get("vmsByState").get("stopped").asLong()).isEqualTo(1);
        assertThat(mine.has("connectedUsers")).as("superadmins only").isFalse();
        JsonNode all = api.get("/counters").body();
        assertThat(all.get("vmsByState").get("stopped").asLong()).isPositive();
        assertThat(all.get("hostsByState").has("running")).isTrue();
        assertThat(all.get("connectedUsers").isNumber()).isTrue();
    }
}
