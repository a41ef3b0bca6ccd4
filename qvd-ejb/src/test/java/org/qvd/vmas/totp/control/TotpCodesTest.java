package org.qvd.vmas.totp.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** RFC 6238 codes as authenticator apps make them, the drift window, and no replay. */
class TotpCodesTest {

    /** RFC 6238 appendix B's SHA-1 key, "12345678901234567890". */
    private static final String RFC_SECRET = new Base32()
            .encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII))
            .replace("=", "");

    @Test
    void matchesTheRfcTestVectors() {
        // the RFC's 8-digit values, of which apps show the last 6
        assertThat(TotpCodes.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(TotpCodes.code(RFC_SECRET, Instant.ofEpochSecond(1111111109)))
                .isEqualTo("081804");
        assertThat(TotpCodes.code(RFC_SECRET, Instant.ofEpochSecond(20000000000L)))
                .isEqualTo("353130");
    }

    @Test
    void acceptsTheStepsBesideNowOnceEachAndNothingElse() {
        String secret = TotpCodes.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = now.getEpochSecond() / 30;
        assertThat(TotpCodes.accept(secret, TotpCodes.code(secret, now), now, 0))
                .hasValue(step);
        assertThat(TotpCodes.accept(secret, TotpCodes.code(secret, now.minusSeconds(30)), now, 0))
                .hasValue(step - 1);
        assertThat(TotpCodes.accept(secret, TotpCodes.code(secret, now.plusSeconds(30)), now, 0))
                .hasValue(step + 1);
        assertThat(TotpCodes.accept(secret, TotpCodes.code(secret, now.minusSeconds(90)), now, 0))
                .isEmpty();
        assertThat(TotpCodes.accept(secret, TotpCodes.code(secret, now), now, step))
                .as("replayed")
                .isEmpty();
        assertThat(TotpCodes.accept(secret, "12345", now, 0)).isEmpty();
        assertThat(TotpCodes.accept(secret, null, now, 0)).isEmpty();
    }

    @Test
    void makesSecretsAndUrisThatAppsRead() {
        String secret = TotpCodes.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(TotpCodes.uri("QVD", "ann@acme", secret))
                .isEqualTo("otpauth://totp/QVD:ann%40acme?secret=" + secret
                        + "&issuer=QVD&algorithm=SHA1&digits=6&period=30");
        String svg = QrCodes.svg(TotpCodes.uri("QVD", "ann@acme", secret));
        assertThat(svg).startsWith("<svg").contains("<path d=\"M").endsWith("</svg>");
    }
}
