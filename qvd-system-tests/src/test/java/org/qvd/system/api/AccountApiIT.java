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
class AccountApiIT {

    @Test
    void managesTenantsAndRefusesDuplicatesAndNonSuperadmins(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.Tenant tenant = Fixtures.tenant(api);
        assertThat(api.get("/tenants/" + tenant.id()).body().get("name").asText())
                .isEqualTo(tenant.name());
        assertThat(api.get("/tenants?name=" + tenant.name()).body().get("total").asLong())
                .isEqualTo(1);
        assertThat(api.patch("/tenants/" + tenant.id(), Map.of("description", "changed"))
                        .body()
                        .get("description")
                        .asText())
                .isEqualTo("changed");
        assertThat(api.post("/tenants/" + tenant.id() + "/block", "")
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isTrue();
        assertThat(api.post("/tenants/" + tenant.id() + "/unblock", "")
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isFalse();
        problem(api.post("/tenants", Map.of("name", tenant.name())), 409, "tenant.duplicate");
        problem(api.post("/tenants", Map.of("name", "has space")), 400, "validation.failed");

        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        problem(admin.api().post("/tenants", Map.of("name", Api.unique("t"))), 403, "acl.forbidden");
        problem(admin.api().get("/tenants/" + tenant.id()), 404, "tenant.not_found");
        assertThat(admin.api().get("/tenants").body().get("total").asLong()).isEqualTo(1);

        assertThat(api.delete("/tenants/" + tenant.id()).status()).isEqualTo(204);
        problem(api.get("/tenants/" + tenant.id()), 404, "tenant.not_found");
        problem(api.delete("/tenants/" + admin.tenant().id()), 409, "tenant.in_use");
    }

    @Test
    void managesUsersWithinTheAdminsTenant(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        Api.Reply created = admin.api().post("/users", Map.of("login", "alice", "password", "Alice-Pw-1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/users/" + created.id());
        assertThat(created.body().get("tenantName").asText())
                .isEqualTo(admin.tenant().name());
        assertThat(created.body().has("password")).isFalse();
        long id = created.id();

        problem(
                admin.api().post("/users", Map.of("login", "alice", "password", "Alice-Pw-789")),
                409,
                "user.duplicate");
        problem(api.post("/users", Map.of("login", "bob", "password", "x")), 400, "tenant.required");
        assertThat(admin.api()
                        .put("/users/" + id + "/password", Map.of("password", "New-Pw-2222"))
                        .status())
                .isEqualTo(200);
        assertThat(admin.api()
                        .post("/users/" + id + "/block", "")
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isTrue();
        assertThat(admin.api().get("/users?blocked=true").body().get("total").asLong())
                .isEqualTo(1);
        assertThat(admin.api()
                        .post("/users/" + id + "/unblock", "")
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isFalse();
        assertThat(admin.api()
                        .patch("/users/" + id, Map.of("description", "d"))
                        .body()
                        .get("description")
                        .asText())
                .isEqualTo("d");

        long vm = Fixtures.vm(admin.api(), id, Fixtures.osf(admin.api(), null));
        problem(admin.api().delete("/users/" + id), 409, "user.in_use");
        assertThat(admin.api().delete("/vms/" + vm).status()).isEqualTo(204);
        assertThat(admin.api().delete("/users/" + id).status()).isEqualTo(204);
        problem(admin.api().get("/users/" + id), 404, "user.not_found");

        long foreign = Fixtures.user(api, Fixtures.tenant(api).id());
        problem(admin.api().get("/users/" + foreign), 404, "user.not_found");
        problem(admin.api().delete("/users/" + foreign), 404, "user.not_found");
    }

    @Test
    void managesAdministratorsAndTheirRoles(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        JsonNode me = admin.api().get("/administrators/me").body();
        assertThat(me.get("name").asText() + "@" + me.get("tenantName").asText())
                .isEqualTo(admin.login());
        assertThat(me.get("superadmin").asBoolean()).isFalse();
        assertThat(me.get("acls").toString()).contains("vm.create").doesNotContain("tenant.create");

        Api.Reply helper = admin.api().post("/administrators", Map.of("name", "helper", "password", "Helper-Pw-1"));
        assertThat(helper.status()).as("%s", helper.body()).isEqualTo(201);
        long reader = Fixtures.role(api, "Reader");
        JsonNode assigned = admin.api()
                .put("/administrators/" + helper.id() + "/roles/" + reader, "")
                .body();
        assertThat(assigned.get("roles").toString()).contains("Reader");
        Api helperApi = Api.basic(system, "helper@" + admin.tenant().name(), "Helper-Pw-1");
        assertThat(helperApi.get("/vms").status()).isEqualTo(200);
        problem(helperApi.post("/users", Map.of("login", "x", "password", "y")), 403, "acl.forbidden");

        assertThat(admin.api()
                        .post("/administrators/" + helper.id() + "/block", "")
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isTrue();
        problem(helperApi.get("/vms"), 401, "auth.unauthenticated");
        admin.api().post("/administrators/" + helper.id() + "/unblock", "");
        assertThat(admin.api()
                        .delete("/administrators/" + helper.id() + "/roles/" + reader)
                        .body()
                        .get("roles"))
                .isEmpty();
        problem(
                admin.api().post("/administrators", Map.of("name", "helper", "password", "Helper-Pw-9")),
                409,
                "admin.duplicate");
        assertThat(admin.api().delete("/administrators/" + helper.id()).status())
                .isEqualTo(204);
    }

    @Test
    void composesRolesFromAcls(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        assertThat(admin.api().get("/roles/acls").body().toString()).contains("vm.update.state");
        Api.Reply role = admin.api().post("/roles", Map.of("name", "helpdesk"));
        assertThat(role.status()).as("%s", role.body()).isEqualTo(201);
        long id = role.id();
        assertThat(admin.api()
                        .put("/roles/" + id + "/acls/vm.see", "")
                        .body()
                        .get("effective")
                        .toString())
                .contains("vm.see");
        long operator = Fixtures.role(api, "Operator");
        JsonNode inherited =
                admin.api().put("/roles/" + id + "/inherits/" + operator, "").body();
        assertThat(inherited.get("effective").toString()).contains("vm.update.state");
        JsonNode denied = admin.api()
                .put("/roles/" + id + "/denied-acls/vm.update.state", "")
                .body();
        assertThat(denied.get("effective").toString()).doesNotContain("vm.update.state");
        assertThat(admin.api()
                        .delete("/roles/" + id + "/acls/vm.update.state")
                        .body()
                        .get("effective")
                        .toString())
                .contains("vm.update.state");
        assertThat(admin.api()
                        .delete("/roles/" + id + "/inherits/" + operator)
                        .body()
                        .get("inherits"))
                .isEmpty();
        problem(admin.api().put("/roles/" + id + "/acls/no.such.acl", ""), 404, "acl.not_found");
        assertThat(admin.api().delete("/roles/" + id).status()).isEqualTo(204);
        problem(admin.api().get("/roles/" + id), 404, "role.not_found");
    }
}
