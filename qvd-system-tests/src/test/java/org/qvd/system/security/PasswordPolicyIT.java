package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.system.api.Fixtures.problem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Fixtures;
import org.qvd.system.platform.RunningSystem;

/** Passwords shorter than the policy (10 characters unless configured) are refused for users and administrators. */
@ExtendWith(RunningSystem.class)
class PasswordPolicyIT {

    @Test
    void shortPasswordsAreRefusedForUsersAndChangeNothing(QvdSystem system) {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        for (String password : new String[] {"a", "123456789"}) {
            problem(
                    admin.api().post("/users", Map.of("login", "shorty", "password", password)),
                    400,
                    "password.too_short");
        }
        assertThat(admin.api().get("/users?login=shorty").body().get("total").asLong())
                .isZero();
        long id = admin.api()
                .post("/users", Map.of("login", "shorty", "password", "1234567890"))
                .id();
        problem(admin.api().put("/users/" + id + "/password", Map.of("password", "x")), 400, "password.too_short");
        assertThat(admin.api()
                        .get("/audit?action=user.update.password&objectId=" + id)
                        .body()
                        .get("items")
                        .get(0)
                        .get("result")
                        .asText())
                .isEqualTo("password.too_short");
    }

    @Test
    void shortPasswordsAreRefusedForAdministratorsAndTheOldOneStillWorks(QvdSystem system) {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        problem(
                admin.api().post("/administrators", Map.of("name", "tiny", "password", "x")),
                400,
                "password.too_short");
        assertThat(admin.api()
                        .get("/administrators?name=tiny")
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        String name = admin.login().substring(0, admin.login().indexOf('@'));
        long id = admin.api()
                .get("/administrators?name=" + name)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        problem(
                superadmin.put("/administrators/" + id + "/password", Map.of("password", "short")),
                400,
                "password.too_short");
        assertThat(admin.api().get("/administrators/me").status()).isEqualTo(200);
    }

    @Test
    void aTenantMayRequireLongerPasswordsAndSoapFollowsThePolicy(QvdSystem system) throws Exception {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        assertThat(superadmin
                        .put(
                                "/config/password.min_length?tenantId="
                                        + admin.tenant().id(),
                                Map.of("value", "16"))
                        .status())
                .isEqualTo(200);
        problem(
                admin.api().post("/users", Map.of("login", "medium", "password", "fifteen-chars-1")),
                400,
                "password.too_short");
        assertThat(admin.api()
                        .post("/users", Map.of("login", "medium", "password", "sixteen-chars-12"))
                        .status())
                .isEqualTo(201);
        // a tenant cannot lower the global minimum
        assertThat(superadmin
                        .put(
                                "/config/password.min_length?tenantId="
                                        + admin.tenant().id(),
                                Map.of("value", "4"))
                        .status())
                .isEqualTo(200);
        problem(
                admin.api().post("/users", Map.of("login", "lower", "password", "nine-char")),
                400,
                "password.too_short");

        String fault = Soap.call(
                system,
                admin.login(),
                Fixtures.PASSWORD,
                "<p:createUser><login>soapy</login><password>short</password></p:createUser>");
        assertThat(fault).contains("Client</faultcode>").contains("<code>password.too_short</code>");
    }
}
