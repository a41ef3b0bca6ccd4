package org.qvd.vmas.totp.control;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 codes as authenticator apps make them: HMAC-SHA1, 6 digits, 30 s steps; a code of the step before or after
 * is accepted too (clock drift), and never a step at or before the last one used (replay). Secrets are 160 random bits
 * in Base32, the form apps read from {@code otpauth://} URIs.
 */
public final class TotpCodes {

    public static final Duration STEP = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private TotpCodes() {}

    public static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return new Base32().encodeToString(key).replace("=", "");
    }

    /** {@code otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=ISSUER…} for a QR code. */
    public static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }

    /** The code of {@code secret} at {@code at}. */
    public static String code(String secret, Instant at) {
        try {
            return String.format(Locale.ROOT, "%06d", GENERATOR.generateOneTimePassword(key(secret), at));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC-SHA1 key of 20 bytes is always valid", e);
        }
    }

    /** The step that {@code code} belongs to, if it is good at {@code now} and newer than {@code lastStep}. */
    public static OptionalLong accept(String secret, String code, Instant now, long lastStep) {
        if (code == null || !code.trim().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        byte[] given = code.trim().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            byte[] expected = code(secret, Instant.ofEpochSecond(step * STEP.toSeconds()))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (step > lastStep && MessageDigest.isEqual(expected, given)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(new Base32().decode(secret.toUpperCase(Locale.ROOT)), "HmacSHA1");
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
