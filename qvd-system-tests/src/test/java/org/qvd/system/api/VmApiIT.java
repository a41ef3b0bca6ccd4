package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.system.api.Fixtures.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

@ExtendWith(RunningSystem.class)
class VmApiIT {

    @Test
    void createsAVmWithLocationAndStartsAndStopsIt(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.Tenant tenant = Fixtures.tenant(api);
        long user = Fixtures.user(api, tenant.id());
        long osf = Fixtures.osf(api, tenant.id());
        Fixtures.di(api, osf);
        Fixtures.runningHost(system, api);

        Api.Reply created = api.post("/vms", Map.of("userId", user, "osfId", osf, "name", "desk"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/vms/" + created.id());
        assertThat(created.body().get("state").asText()).isEqualTo("stopped");
        assertThat(created.body().get("ip").asText()).isNotBlank();

        Api.Reply started = api.post("/vms/" + created.id() + "/start", "");
        assertThat(started.status()).as("%s", started.body()).isEqualTo(200);
        assertThat(started.body().get("state").asText()).isEqualTo("starting");
        problem(api.post("/vms/" + created.id() + "/start", ""), 409, "vm.invalid_state");

        Api.Reply stopped = api.post("/vms/" + created.id() + "/stop", "");
        assertThat(stopped.status()).as("%s", stopped.body()).isEqualTo(200);
        assertThat(api.get("/vms/" + created.id() + "/history")
                        .body()
                        .get("total")
                        .asLong())
                .isPositive();
    }

    @Test
    void blocksUnblocksExpiresAndDisconnectsAVm(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.Tenant tenant = Fixtures.tenant(api);
        long vm = Fixtures.vm(api, Fixtures.user(api, tenant.id()), Fixtures.osf(api, tenant.id()));

        assertThat(api.post("/vms/" + vm + "/block", "").body().get("blocked").asBoolean())
                .isTrue();
        assertThat(api.post("/vms/" + vm + "/unblock", "").body().get("blocked").asBoolean())
                .isFalse();
        Api.Reply expired = api.post(
                "/vms/" + vm + "/expire", Map.of("soft", "2030-01-01T00:00:00Z", "hard", "2030-01-02T00:00:00Z"));
        assertThat(expired.status()).as("%s", expired.body()).isEqualTo(200);
        assertThat(expired.body().get("expirationHard").asText()).startsWith("2030-01-02");
        Api.Reply disconnect = api.post("/vms/" + vm + "/disconnect", "");
        assertThat(disconnect.status()).as("%s", disconnect.body()).isIn(200, 409);
        Api.Reply renamed = api.patch("/vms/" + vm, Map.of("description", "renamed by a test"));
        assertThat(renamed.body().get("description").asText()).isEqualTo("renamed by a test");
        assertThat(api.delete("/vms/" + vm).status()).isEqualTo(204);
        problem(api.get("/vms/" + vm), 404, "vm.not_found");
    }

    @Test
    void listsWithFilterSortAndPage(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.Tenant tenant = Fixtures.tenant(api);
        long user = Fixtures.user(api, tenant.id());
        long osf = Fixtures.osf(api, tenant.id());
        for (int i = 0; i < 3; i++) {
            Fixtures.vm(api, user, osf);
        }
        JsonNode page =
                api.get("/vms?userId=" + user + "&sort=-name&size=2&page=0").body();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        String first = page.get("items").get(0).get("name").asText();
        String second = page.get("items").get(1).get("name").asText();
        assertThat(first).isGreaterThan(second);
        assertThat(api.get("/vms?userId=" + user + "&size=2&page=1").body().get("items"))
                .hasSize(1);
        assertThat(api.get("/vms?userId=" + user + "&state=running")
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        problem(api.get("/vms?sort=bogus"), 400, "sort.invalid");
        problem(api.get("/vms?size=0"), 400, "page.invalid");
    }

    @Test
    void refusesInvalidDuplicateUnknownAndForeignVms(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin other = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        Fixtures.Tenant tenant = Fixtures.tenant(api);
        long user = Fixtures.user(api, tenant.id());
        long osf = Fixtures.osf(api, tenant.id());

        JsonNode invalid = problem(api.post("/vms", Map.of("osfId", osf)), 400, "validation.failed");
        assertThat(invalid.get("violations")).isNotEmpty();
        problem(api.post("/vms", "{not json"), 400, "request.malformed");
        api.post("/vms", Map.of("userId", user, "osfId", osf, "name", "same"));
        problem(api.post("/vms", Map.of("userId", user, "osfId", osf, "name", "same")), 409, "vm.duplicate");
        problem(api.get("/vms/987654321"), 404, "vm.not_found");

        long foreign = Fixtures.vm(api, user, osf);
        problem(other.api().get("/vms/" + foreign), 404, "vm.not_found");
        problem(other.api().post("/vms/" + foreign + "/start", ""), 404, "vm.not_found");
        assertThat(other.api().get("/vms?size=500").body().get("total").asLong())
                .isZero();
    }

    @Test
    void refusesAnActionTheRoleLacks(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin reader = Fixtures.tenantAdmin(system, api, "Reader");
        long vm = Fixtures.vm(
                api,
                Fixtures.user(api, reader.tenant().id()),
                Fixtures.osf(api, reader.tenant().id()));
        assertThat(reader.api().get("/vms/" + vm).status()).isEqualTo(200);
        JsonNode refused = problem(reader.api().post("/vms/" + vm + "/start", ""), 403, "acl.forbidden");
        assertThat(refused.get("detail").asText()).contains("vm.update.state");
    }
}
