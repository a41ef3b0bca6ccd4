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

/**
 * Guessing administrator passwords over REST and the WAT: throttled per source address and per login with a
 * growing delay, every failure audited and logged without the password; the superadmin stays usable from
 * another address; bearer tokens die with a password change or a block. Attacks come from their own loopback
 * addresses (127.0.0.N) so that the throttling they cause stays theirs.
 */
@ExtendWith(RunningSystem.class)
class AdminBruteForceIT {

    private static final int TRIES = 100;

    @Test
    void guessesFromOneAddressAreThrottledAuditedAndLoggedWithoutThePassword(QvdSystem system) {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin victim = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        FromAddress attacker = new FromAddress(system, "127.0.0.11");
        ServerLog log = new ServerLog(system);

        int unauthorized = 0;
        int throttled = 0;
        long start = System.nanoTime();
        for (int i = 0; i < TRIES; i++) {
            FromAddress.Response r =
                    attacker.get("/api/v1/administrators/me", FromAddress.basic(victim.login(), "Guess-" + i));
            if (r.status() == 429) {
                throttled++;
                assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
                assertThat(r.body()).contains("auth.throttled");
            } else {
                assertThat(r.status()).isEqualTo(401);
                unauthorized++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // every checked password is one audited failure (the one that starts a refusal already answers 429)
        JsonNode failures = superadmin
                .get("/audit?action=admin.login&admin=" + victim.login() + "&size=100")
                .body();
        int checked = failures.get("total").asInt();
        System.out.printf(
                "brute force: %d tries in %.1f s, %d had their password checked (%d answered 401), "
                        + "%d answered 429%n",
                TRIES, seconds, checked, unauthorized, throttled);
        // five free failures, then 1, 2, 4 … s of refusal: only a handful are ever checked
        assertThat(unauthorized).isEqualTo(5);
        assertThat(checked).isBetween(6, 5 + (int) Math.ceil(Math.log(seconds + 1) / Math.log(2)) + 1);
        assertThat(throttled).isEqualTo(TRIES - unauthorized);

        // the right password from the same address waits too, as does the same login from elsewhere (per login)
        assertThat(rightPasswordWhileRefused(attacker, victim.login(), Fixtures.PASSWORD)
                        .status())
                .isEqualTo(429);
        assertThat(rightPasswordWhileRefused(new FromAddress(system, "127.0.0.12"), victim.login(), Fixtures.PASSWORD)
                        .status())
                .isEqualTo(429);
        // …but other administrators from other addresses are not affected
        assertThat(superadmin.get("/administrators/me").status()).isEqualTo(200);

        assertThat(failures.get("items").get(0).get("result").asText()).isEqualTo("auth.failed");
        assertThat(failures.get("items").get(0).get("sourceAddress").asText()).isEqualTo("127.0.0.11");
        JsonNode locks = superadmin
                .get("/audit?action=admin.login.throttle&admin=" + victim.login() + "&size=100")
                .body();
        assertThat(locks.get("total").asInt()).isPositive();
        assertThat(locks.toString()).doesNotContain("Guess-");

        assertThat(log.since())
                .anyMatch(l ->
                        l.contains("admin login failed") && l.contains(victim.login()) && l.contains("127.0.0.11"));
        assertThat(String.join("\n", log.since())).doesNotContain("Guess-");
    }

    @Test
    void theSuperadminCannotBeLockedOutFromAnotherAddress(QvdSystem system) {
        FromAddress attacker = new FromAddress(system, "127.0.0.13");
        // guess until the address is refused for a while (failures beyond the free ones refuse 1, 2, 4 … s)
        long retryAfter = 0;
        for (int i = 0; i < 400 && retryAfter < 4; i++) {
            FromAddress.Response r =
                    attacker.get("/api/v1/administrators/me", FromAddress.basic("superadmin@*", "Guess-" + i));
            retryAfter = r.status() == 429 ? Long.parseLong(r.header("Retry-After")) : 0;
        }
        assertThat(retryAfter).as("Retry-After once throttled").isGreaterThanOrEqualTo(4);
        assertThat(rightPasswordWhileRefused(attacker, "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD)
                        .status())
                .as("from the attacking address")
                .isEqualTo(429);
        FromAddress operator = new FromAddress(system, "127.0.0.14");
        FromAddress.Response me = operator.get(
                "/api/v1/administrators/me", FromAddress.basic("superadmin@*", RunningSystem.SUPERADMIN_PASSWORD));
        assertThat(me.status()).as("from another address: %s", me.body()).isEqualTo(200);
        assertThat(Api.superadmin(system).get("/administrators/me").status()).isEqualTo(200);
    }

    /**
     * The right password sent from {@code from} while a refusal is surely in force: a guess from there answered
     * 429 with Retry-After R holds until at least R - 1 s after it was sent (the header is rounded up), so a reply
     * within that time was decided under the refusal. On a machine too slow for that, the refusal may have ended
     * (the password was rightly checked): guess again and retry, so only a reply given under refusal is asserted.
     * Guesses made under a refusal are not checked and so do not add failures.
     */
    private static FromAddress.Response rightPasswordWhileRefused(FromAddress from, String login, String password) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        int guess = 0;
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            FromAddress.Response refused =
                    from.get("/api/v1/administrators/me", FromAddress.basic(login, "Guess-again-" + guess++));
            long retryAfter = refused.status() == 429 ? Long.parseLong(refused.header("Retry-After")) : 0;
            if (retryAfter < 2) {
                continue; // not refused (yet) or about to end: guess on, the next refusal is longer
            }
            FromAddress.Response right = from.get("/api/v1/administrators/me", FromAddress.basic(login, password));
            long tookMs = (System.nanoTime() - sent) / 1_000_000;
            if (tookMs < (retryAfter - 1) * 1000) {
                return right;
            }
            System.out.printf(
                    "right password answered %d after %d ms, beyond the refusal's %d s: again%n",
                    right.status(), tookMs, retryAfter);
        }
        throw new AssertionError("no reply within a refusal in 120 s: " + login);
    }

    @Test
    void theWatLoginIsThrottledToo(QvdSystem system) {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin victim = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        FromAddress attacker = new FromAddress(system, "127.0.0.15");
        String last = "";
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            last = attacker.postForm("/wat/j_security_check", "j_username=" + victim.login() + "&j_password=Guess-" + i)
                    .body();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(last).contains("login-error").contains("login-throttled");
        // a k-th check beyond the five free ones needs the refusals before it (1, 2 … 2^(k-2) s) to have passed:
        // two at most in a quick run, more only on a machine slow enough for them
        int mostChecked = Math.max(7, 6 + (int) Math.floor(Math.log(seconds + 1) / Math.log(2)));
        assertThat(superadmin
                        .get("/audit?action=admin.login&admin=" + victim.login())
                        .body()
                        .get("total")
                        .asInt())
                .as("checked in %.1f s", seconds)
                .isBetween(5, mostChecked);
    }

    @Test
    void bearerTokensDieWhenThePasswordChangesOrTheAdminIsBlocked(QvdSystem system) {
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

        Api first = Api.bearer(
                system, admin.api().post("/auth/token", "").body().get("token").asText());
        assertThat(first.get("/administrators/me").status()).isEqualTo(200);
        assertThat(superadmin
                        .put("/administrators/" + id + "/password", Map.of("password", "Changed-Pw-123"))
                        .status())
                .isEqualTo(200);
        problem(first.get("/administrators/me"), 401, "auth.unauthenticated");
        problem(admin.api().get("/administrators/me"), 401, "auth.unauthenticated");

        Api changed = Api.basic(system, admin.login(), "Changed-Pw-123");
        Api second = Api.bearer(
                system, changed.post("/auth/token", "").body().get("token").asText());
        assertThat(second.get("/administrators/me").status()).isEqualTo(200);
        assertThat(superadmin.post("/administrators/" + id + "/block", "").status())
                .isEqualTo(200);
        problem(second.get("/administrators/me"), 401, "auth.unauthenticated");
        assertThat(superadmin.post("/administrators/" + id + "/unblock", "").status())
                .isEqualTo(200);
        problem(second.get("/administrators/me"), 401, "auth.unauthenticated");
        Api third = Api.bearer(
                system, changed.post("/auth/token", "").body().get("token").asText());
        assertThat(third.get("/administrators/me").status()).isEqualTo(200);
    }

    @Test
    void aLoginCannotForgeLogLinesOnAnySurface(QvdSystem system) {
        String forged = "mallory\n2026-12-06 01:00:00,000 SEVERE [org.qvd] superadmin@* logged in\u001b[2J";
        ServerLog log = new ServerLog(system);
        FromAddress attacker = new FromAddress(system, "127.0.0.16");
        assertThat(attacker.get("/api/v1/vms", FromAddress.basic(forged, "Guess-1"))
                        .status())
                .isEqualTo(401);
        assertThat(attacker.get("/api/soap/provisioning", FromAddress.basic(forged, "Guess-2"))
                        .status())
                .isIn(200, 401); // the WSDL's GET is public; the Basic header is still checked when sent
        attacker.postForm(
                "/wat/j_security_check",
                "j_username=" + java.net.URLEncoder.encode(forged, java.nio.charset.StandardCharsets.UTF_8)
                        + "&j_password=Guess-3");
        assertThat(log.since())
                .noneMatch(l -> l.startsWith("2026-12-06 01:00:00,000 SEVERE"))
                .noneMatch(l -> l.contains("\u001b"))
                .anyMatch(l -> l.contains("mallory\\n2026-12-06 01:00:00,000 SEVERE") && l.contains("\\u001b[2J"));
    }
}
