package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Fixtures;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.TrustAll;

/**
 * Issue 12, admin lock-out: an administrator's open WAT session ends at its next request once its password was
 * changed or it was blocked (as its bearer tokens do), and only a new login with the current password opens one.
 */
@ExtendWith(RunningSystem.class)
class WatSessionEndIT {

    @Test
    void anOpenWatSessionEndsWhenThePasswordChangesAndWhenTheAdminIsBlocked(QvdSystem system) throws Exception {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        long id = superadmin
                .get("/administrators?name="
                        + admin.login().substring(0, admin.login().indexOf('@')) + "&tenantId="
                        + admin.tenant().id())
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();

        Browser first = Browser.loggedIn(system, admin.login(), Fixtures.PASSWORD);
        assertThat(first.page("/wat/vms.xhtml"))
                .as("logged in")
                .contains(admin.login())
                .doesNotContain("j_security_check");
        assertThat(superadmin
                        .put("/administrators/" + id + "/password", Map.of("password", "Changed-Pw-123"))
                        .status())
                .isEqualTo(200);
        assertThat(first.page("/wat/vms.xhtml"))
                .as("the session after the password change")
                .contains("j_security_check")
                .doesNotContain(admin.login());
        assertThat(first.page("/wat/vms.xhtml")).as("and it stays ended").contains("j_security_check");

        Browser second = Browser.loggedIn(system, admin.login(), "Changed-Pw-123");
        assertThat(second.page("/wat/vms.xhtml")).contains(admin.login());
        assertThat(superadmin.post("/administrators/" + id + "/block", "").status())
                .isEqualTo(200);
        assertThat(second.page("/wat/vms.xhtml"))
                .as("the session after the block")
                .contains("j_security_check")
                .doesNotContain(admin.login());
        assertThat(superadmin.post("/administrators/" + id + "/unblock", "").status())
                .isEqualTo(200);
        assertThat(second.page("/wat/vms.xhtml"))
                .as("unblocking does not revive it")
                .contains("j_security_check");
        assertThat(Browser.loggedIn(system, admin.login(), "Changed-Pw-123").page("/wat/vms.xhtml"))
                .as("a new login after the unblock")
                .contains(admin.login());
    }

    /** One browser: its own cookie jar (the WAT's session), following the WAT's redirects. */
    private record Browser(QvdSystem system, HttpClient http) {
        static Browser loggedIn(QvdSystem system, String login, String password) throws Exception {
            Browser b = new Browser(
                    system,
                    HttpClient.newBuilder()
                            .sslContext(TrustAll.context())
                            .cookieHandler(new CookieManager())
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build());
            assertThat(b.page("/wat/vms.xhtml")).as("the login page first").contains("j_security_check");
            String form = "j_username=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&j_password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> r = b.http.send(
                    HttpRequest.newBuilder(b.uri("/wat/j_security_check"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).as("login of %s", login).doesNotContain("login-error");
            return b;
        }

        String page(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        }

        private URI uri(String path) {
            return URI.create("https://localhost:" + system.httpsPort() + path);
        }
    }
}
