package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Fixtures;
import org.qvd.system.platform.RunningSystem;
import org.qvd.system.wat.WatSecondFactorIT;

/**
 * Someone who knows an administrator's password guesses its TOTP code: each wrong code counts as a failed login for
 * the throttle (per login and per address), exactly as a wrong password, so codes cannot be tried at speed; the
 * attempts are audited as {@code admin.login auth.totp_failed}. From its own loopback address.
 */
@ExtendWith(RunningSystem.class)
class SecondFactorGuessingIT {

    @Test
    void wrongCodesBehindTheRightPasswordAreThrottledLikeWrongPasswords(QvdSystem system) throws Exception {
        Api superadmin = Api.superadmin(system);
        Fixtures.TenantAdmin victim = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        Api.Reply enrolment = victim.api().post("/second-factor/enrolment", Map.of());
        assertThat(enrolment.status()).as(enrolment.raw().body()).isEqualTo(200);
        String secret = enrolment.body().get("secret").asText();
        Api.Reply confirmed =
                victim.api().post("/second-factor/confirmation", Map.of("code", WatSecondFactorIT.code(secret, 0)));
        assertThat(confirmed.status()).as(confirmed.raw().body()).isBetween(200, 204);

        FromAddress attacker = new FromAddress(system, "127.0.0.16");
        String last = "";
        for (int i = 0; i < 8; i++) {
            last = attacker.postForm(
                            "/wat/j_security_check",
                            "j_username=" + victim.login() + "&j_password=" + Fixtures.PASSWORD + "&j_totp="
                                    + wrong(secret))
                    .body();
        }
        assertThat(last).contains("login-error").contains("login-throttled");
        JsonNode audited = superadmin
                .get("/audit?action=admin.login&admin=" + victim.login() + "&size=100")
                .body();
        assertThat(audited.get("total").asInt()).as("checked codes").isBetween(6, 8);
        assertThat(audited.get("items").get(0).get("result").asText()).isEqualTo("auth.totp_failed");
    }

    /** A code that is none of those accepted now (the previous, current and next steps). */
    private static String wrong(String secret) throws Exception {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!code.equals(WatSecondFactorIT.code(secret, -30))
                    && !code.equals(WatSecondFactorIT.code(secret, 0))
                    && !code.equals(WatSecondFactorIT.code(secret, 30))) {
                return code;
            }
        }
    }
}
