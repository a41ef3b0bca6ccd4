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
class AuthApiIT {

    @Test
    void refusesMissingAndWrongCredentialsWithAProblem(QvdSystem system) {
        Api.Reply anonymous = Api.anonymous(system).get("/vms");
        problem(anonymous, 401, "auth.unauthenticated");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"QVD\"");
        problem(Api.basic(system, "superadmin@*", "wrong").get("/vms"), 401, "auth.unauthenticated");
        problem(Api.basic(system, "nobody@nowhere", "x").get("/vms"), 401, "auth.unauthenticated");
        problem(Api.bearer(system, "forged.token").get("/vms"), 401, "auth.unauthenticated");
    }

    @Test
    void issuesBearerTokensThatActAsTheAdministrator(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        JsonNode issued = admin.api().post("/auth/token", "").body();
        assertThat(issued.get("principal").asText()).isEqualTo(admin.login());
        assertThat(issued.get("expiresAt").asText()).isNotBlank();
        Api bearer = Api.bearer(system, issued.get("token").asText());

        JsonNode me = bearer.get("/administrators/me").body();
        assertThat(me.get("name").asText() + "@" + me.get("tenantName").asText())
                .isEqualTo(admin.login());
        long user = Fixtures.user(bearer, null);
        JsonNode audit = api.get("/audit?objectType=user&objectId=" + user)
                .body()
                .get("items")
                .get(0);
        assertThat(audit.get("adminName").asText())
                .as("same audit identity as Basic")
                .isEqualTo(admin.login());
        problem(bearer.post("/tenants", Map.of("name", Api.unique("t"))), 403, "acl.forbidden");

        String token = issued.get("token").asText();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        problem(Api.bearer(system, tampered).get("/vms"), 401, "auth.unauthenticated");
    }

    @Test
    void refusesATokenOfAnAdministratorBlockedSinceIssue(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        Api bearer = Api.bearer(
                system, admin.api().post("/auth/token", "").body().get("token").asText());
        assertThat(bearer.get("/vms").status()).isEqualTo(200);
        long id = bearer.get("/administrators/me").body().get("adminId").asLong();
        api.post("/administrators/" + id + "/block", "");
        assertThat(bearer.get("/vms").status()).isEqualTo(401);
    }
}
