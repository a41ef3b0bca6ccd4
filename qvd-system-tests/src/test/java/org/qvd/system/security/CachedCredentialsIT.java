package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Fixtures;
import org.qvd.system.l7r.VmasData;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;

/**
 * The verified-credential cache in front of bcrypt (docs/security.md) never outlives what an administrator changes:
 * a password that the server has just verified (and so remembers) is refused at once after a password change or a
 * block, for users on the L7R (legacy clients' Basic) and for administrators on the REST API (Basic). Each client
 * comes from a loopback address of its own so that the L7R's login throttle of one test never meets another's.
 */
@ExtendWith(RunningSystem.class)
class CachedCredentialsIT {

    private static int list(QvdSystem system, String from, String login, String password) throws IOException {
        try (L7rWire wire = L7rWire.to(system.l7rPort()).from(from).open()) {
            wire.send("GET /qvd/list_of_vm HTTP/1.1\r\nAuthorization: " + L7rWire.basic(login, password) + "\r\n\r\n");
            return wire.read().status();
        }
    }

    @Test
    void aUsersCachedPasswordIsRefusedAtOnceAfterAPasswordChangeOrABlock(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        Api superadmin = Api.superadmin(system);
        String from = "127.0.0.61";
        // twice: the second login is answered from the cache
        assertThat(list(system, from, user.login(), VmasData.USER_PASSWORD)).isEqualTo(200);
        assertThat(list(system, from, user.login(), VmasData.USER_PASSWORD)).isEqualTo(200);

        String changed = "Changed-User-Pw-2";
        assertThat(superadmin
                        .put("/users/" + user.id() + "/password", Map.of("password", changed))
                        .status())
                .isEqualTo(200);
        assertThat(list(system, from, user.login(), VmasData.USER_PASSWORD))
                .as("the old, cached password")
                .isEqualTo(401);
        assertThat(list(system, from, user.login(), changed)).isEqualTo(200);
        assertThat(list(system, from, user.login(), changed)).isEqualTo(200);

        assertThat(superadmin.post("/users/" + user.id() + "/block", "").status())
                .isEqualTo(200);
        assertThat(list(system, from, user.login(), changed))
                .as("a blocked user, password cached")
                .isEqualTo(401);
        assertThat(superadmin.post("/users/" + user.id() + "/unblock", "").status())
                .isEqualTo(200);
        assertThat(list(system, from, user.login(), changed)).isEqualTo(200);
    }

    @Test
    void anAdministratorsCachedPasswordIsRefusedAtOnceAfterAPasswordChangeOrABlock(QvdSystem system) {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        assertThat(admin.api().get("/administrators/me").status()).isEqualTo(200);
        assertThat(admin.api().get("/administrators/me").status()).isEqualTo(200);
        String name = admin.login().substring(0, admin.login().indexOf('@'));
        long id = admin.api()
                .get("/administrators?name=" + name)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();

        String changed = "Changed-Admin-Pw-2";
        assertThat(superadmin
                        .put("/administrators/" + id + "/password", Map.of("password", changed))
                        .status())
                .isEqualTo(200);
        assertThat(admin.api().get("/administrators/me").status())
                .as("the old, cached password")
                .isEqualTo(401);
        Api renewed = Api.basic(system, admin.login(), changed);
        assertThat(renewed.get("/administrators/me").status()).isEqualTo(200);
        assertThat(renewed.get("/administrators/me").status()).isEqualTo(200);

        assertThat(superadmin.post("/administrators/" + id + "/block", "").status())
                .isEqualTo(200);
        assertThat(renewed.get("/administrators/me").status())
                .as("a blocked administrator, password cached")
                .isEqualTo(401);
    }
}
