package org.qvd.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qvd.testsupport.browser.Chromium;

/**
 * Administrators log in through a real OpenID Connect provider (Keycloak, realm from a file): in a real Chromium to
 * the WAT, and with the provider's access token to the REST API. The provider's groups decide the tenant and the
 * roles (mappings made over REST, as an operator does); a user whose groups map to nothing is refused and told why;
 * local passwords keep working beside it (break-glass).
 */
@ExtendWith(IdentityTier.class)
class OidcAdminLoginIT {

    private static final String TENANT = "acme";
    private static int httpsPort;
    private static Rest superadmin;

    /** Tenant acme: group qvd-operators → Operator, qvd-readers → Reader (fixed roles). */
    @BeforeAll
    static void mapGroups(IdentityTier.Running tier) throws Exception {
        httpsPort = tier.system().httpsPort();
        superadmin = Rest.basic(httpsPort, "superadmin@*", IdentityTier.SUPERADMIN_PASSWORD);
        Rest.Reply tenant = superadmin.post("/api/v1/tenants", Map.of("name", TENANT));
        assertThat(tenant.status()).as(tenant.body()).isEqualTo(201);
        long tenantId = tenant.json().get("id").asLong();
        for (Map.Entry<String, String> m :
                Map.of("qvd-operators", "Operator", "qvd-readers", "Reader").entrySet()) {
            Rest.Reply mapping = superadmin.post(
                    "/api/v1/sso-mappings",
                    Map.of("tenantId", tenantId, "claim", "groups", "value", m.getKey(), "roleId", role(m.getValue())));
            assertThat(mapping.status()).as(mapping.body()).isEqualTo(201);
        }
    }

    @Test
    void anAdminLogsInToTheWatThroughTheProviderAndGetsTheRolesItsGroupsMapTo() throws Exception {
        long t0 = System.nanoTime();
        try (Chromium b = new Chromium()) {
            b.driver.get("https://localhost:" + httpsPort + "/wat/");
            b.waitFor(By.id("sso-login")).click();
            b.type(By.id("username"), "alice"); // Keycloak's own login page
            b.type(By.id("password"), "alice-pass");
            b.screenshot("sso-01-provider-login");
            b.waitFor(By.id("kc-login")).click();
            assertThat(b.waitFor(By.id("who")).getText()).isEqualTo("alice@" + TENANT);
            b.screenshot("sso-02-wat-as-alice");
            System.out.printf("FIGURE sso-wat-login %.1f s%n", (System.nanoTime() - t0) / 1e9);
            // the Operator role's ACLs: the VM list, no Administrators screen
            b.driver.get("https://localhost:" + httpsPort + "/wat/vms.xhtml");
            assertThat(b.driver.getPageSource()).doesNotContain("acl.forbidden");
        }
        JsonNode alice = admin("alice");
        assertThat(alice.get("roles").toString()).isEqualTo("[\"Operator\"]");
        assertThat(alice.get("description").asText()).contains("single sign-on");
    }

    @Test
    void aUserWhoseGroupsMapToNoRoleIsRefusedAndToldWhy() throws Exception {
        try (Chromium b = new Chromium()) {
            b.driver.get("https://localhost:" + httpsPort + "/wat/");
            b.waitFor(By.id("sso-login")).click();
            b.type(By.id("username"), "bob");
            b.type(By.id("password"), "bob-pass");
            b.waitFor(By.id("kc-login")).click();
            assertThat(b.waitFor(By.id("refusal")).getText())
                    .contains("no QVD role")
                    .contains("sso.no_mapping");
            b.screenshot("sso-03-refused");
            b.driver.get("https://localhost:" + httpsPort + "/wat/index.xhtml");
            new WebDriverWait(b.driver, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.id("j_username")).isEmpty());
        }
        assertThat(superadmin
                        .get("/api/v1/administrators?name=bob")
                        .json()
                        .get("total")
                        .asLong())
                .as("no administrator made for bob")
                .isZero();
    }

    @Test
    void theProvidersAccessTokenIsExchangedForARestBearerTokenWithTheMappedRoles(IdentityTier.Running tier)
            throws Exception {
        String providerToken = tier.keycloak().accessToken("carol", "carol-pass");
        Rest.Reply exchanged = Rest.bearer(httpsPort, providerToken).post("/sso/token", null);
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.json().get("principal").asText()).isEqualTo("carol@" + TENANT);
        assertThat(exchanged.json().get("roles").toString()).isEqualTo("[\"Reader\"]");
        Rest carol = Rest.bearer(httpsPort, exchanged.json().get("token").asText());
        Rest.Reply me = carol.get("/api/v1/administrators/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("acls").toString()).contains("vm.see").doesNotContain("vm.update.state");
        assertThat(carol.post("/api/v1/tenants", Map.of("name", "not-allowed")).status())
                .as("a Reader creates nothing")
                .isEqualTo(403);

        String forged = providerToken.substring(0, providerToken.length() - 4) + "AAAA";
        assertThat(Rest.bearer(httpsPort, forged).post("/sso/token", null).status())
                .as("a provider token whose signature is wrong")
                .isEqualTo(401);
        String qvdToken = exchanged.json().get("token").asText();
        assertThat(Rest.bearer(httpsPort, qvdToken + "x")
                        .get("/api/v1/administrators/me")
                        .status())
                .as("a QVD token changed by a byte")
                .isEqualTo(401);
    }

    @Test
    void localPasswordsKeepWorkingBesideSingleSignOn() throws Exception {
        try (Chromium b = new Chromium()) {
            b.driver.get("https://localhost:" + httpsPort + "/wat/");
            b.type(By.id("j_username"), "superadmin@*");
            b.type(By.id("j_password"), IdentityTier.SUPERADMIN_PASSWORD);
            b.waitFor(By.id("login-submit")).click();
            assertThat(b.waitFor(By.id("who")).getText()).isEqualTo("superadmin@*");
        }
        assertThat(superadmin.get("/api/v1/administrators/me").status()).isEqualTo(200);
    }

    private static long role(String name) throws Exception {
        JsonNode items = superadmin.get("/api/v1/roles?name=" + name).json().get("items");
        for (JsonNode r : items) {
            if (name.equals(r.get("name").asText()) && r.get("tenantId").asLong() == 0) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("no fixed role " + name + " in " + items);
    }

    private static JsonNode admin(String name) throws Exception {
        JsonNode items =
                superadmin.get("/api/v1/administrators?name=" + name).json().get("items");
        assertThat(items).as("administrators named " + name).hasSize(1);
        return items.get(0);
    }
}
