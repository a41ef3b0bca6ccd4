package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.system.api.Fixtures.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Fixtures;
import org.qvd.system.platform.RunningSystem;

/** A tenant administrator trying to give itself more than its tenant: Root, tenant management. */
@ExtendWith(RunningSystem.class)
class RoleEscalationIT {

    @Test
    void aTenantRoleCannotInheritRootAsNoTenantAdminCanBeAssignedIt(QvdSystem system) {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        long root = Fixtures.role(admin.api(), "Root");
        long own =
                admin.api().post("/roles", Map.of("name", Api.unique("mine"))).id();

        problem(admin.api().put("/roles/" + own + "/inherits/" + root, ""), 400, "role.root_superadmin_only");
        JsonNode role = admin.api().get("/roles/" + own).body();
        assertThat(role.toString()).doesNotContain("Root").doesNotContain("tenant.create");

        String name = admin.login().substring(0, admin.login().indexOf('@'));
        long self = admin.api()
                .get("/administrators?name=" + name)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        problem(admin.api().put("/administrators/" + self + "/roles/" + root, ""), 400, "role.root_superadmin_only");
        assertThat(admin.api().get("/administrators/me").body().get("acls").toString())
                .doesNotContain("tenant.create");

        // inheriting the fixed roles meant for tenants stays possible
        assertThat(admin.api()
                        .put("/roles/" + own + "/inherits/" + Fixtures.role(admin.api(), "Operator"), "")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void grantingItselfTenantAclsGivesATenantAdminNoTenantManagement(QvdSystem system) {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        long own =
                admin.api().post("/roles", Map.of("name", Api.unique("grab"))).id();
        for (String acl : new String[] {"tenant.create", "tenant.update", "tenant.update.block", "tenant.delete"}) {
            admin.api().put("/roles/" + own + "/acls/" + acl, "");
        }
        String name = admin.login().substring(0, admin.login().indexOf('@'));
        long self = admin.api()
                .get("/administrators?name=" + name)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        admin.api().put("/administrators/" + self + "/roles/" + own, "");
        long tenants = superadmin.get("/tenants").body().get("total").asLong();

        Api.Reply create = admin.api().post("/tenants", Map.of("name", Api.unique("t")));
        assertThat(create.status()).as("%s", create.body()).isEqualTo(403);
        Fixtures.Tenant other = Fixtures.tenant(superadmin);
        assertThat(admin.api().post("/tenants/" + other.id() + "/block", "").status())
                .isIn(403, 404);
        assertThat(superadmin
                        .get("/tenants/" + other.id())
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isFalse();
        assertThat(superadmin.get("/tenants").body().get("total").asLong()).isEqualTo(tenants + 1);
    }
}
