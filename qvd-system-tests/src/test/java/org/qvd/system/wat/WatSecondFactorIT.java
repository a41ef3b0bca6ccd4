package org.qvd.system.wat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.platform.RunningSystem;

/**
 * An administrator enrols a TOTP second factor in the WAT (a QR code and its secret), confirms it with a code, and
 * from then on logs in with password and code; the password alone no longer logs in, in the WAT or over REST.
 * The codes come from this test's own RFC 6238 implementation, as an authenticator app would make them.
 */
@ExtendWith(RunningSystem.class)
public class WatSecondFactorIT {

    private static final String PASSWORD = "Totp-Admin-Pw-1";

    @Test
    void anAdminEnrolsTotpWithAQrCodeAndThenNeedsACodeToLogIn(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        String tenant = Api.unique("totp");
        long tenantId = api.post("/tenants", Map.of("name", tenant)).id();
        Api.Reply admin =
                api.post("/administrators", Map.of("tenantId", tenantId, "name", "sec", "password", PASSWORD));
        assertThat(admin.status()).as(admin.raw().body()).isEqualTo(201);
        String login = "sec@" + tenant;

        try (Browser b = new Browser(system.httpsPort())) {
            b.login(login, PASSWORD);
            b.open("/second-factor.xhtml");
            assertThat(b.text(By.id("totpState"))).contains("only your password");
            b.click(By.id("totpForm:enrol"));
            assertThat(b.all(By.cssSelector("#qr svg path"))).as("the QR code").hasSize(1);
            String secret = b.text(By.id("secret"));
            assertThat(secret).matches("[A-Z2-7]{32}");
            b.screenshot("30-totp-enrol");
            b.type(By.id("totpForm:code"), code(secret, 0));
            b.click(By.id("totpForm:confirm"));
            assertThat(b.growl()).contains("Second factor active");
            assertThat(b.text(By.id("totpState"))).contains("need a code");
            b.open("/index.xhtml");
            b.click(By.id("top:logout"));

            b.login(login, PASSWORD);
            assertThat(b.all(By.id("login-error"))).as("the password alone").hasSize(1);

            b.open("/");
            b.type(By.id("j_username"), login);
            b.type(By.id("j_password"), PASSWORD);
            b.type(By.id("j_totp"), code(secret, 30)); // the next step: the confirmation used this one
            b.click(By.id("login-submit"));
            b.settle();
            assertThat(b.text(By.id("who"))).isEqualTo(login);
        }
        assertThat(Api.basic(system, login, PASSWORD).get("/directories").status())
                .as("REST Basic without the X-QVD-TOTP header")
                .isEqualTo(401);
    }

    /** RFC 6238 (HMAC-SHA1, 6 digits, 30 s) at now + {@code offsetSeconds}, from a Base32 secret. */
    public static String code(String base32, long offsetSeconds) throws Exception {
        long step = (Instant.now().getEpochSecond() + offsetSeconds) / 30;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(base32Decode(base32), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0xf;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    }

    private static byte[] base32Decode(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
