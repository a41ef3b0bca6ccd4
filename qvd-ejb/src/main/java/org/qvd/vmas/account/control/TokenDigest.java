package org.qvd.vmas.account.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * User tokens: 43 random letters and digits (about 256 bits), stored as their SHA-256. A fast hash is enough here,
 * unlike for passwords, because a token has full entropy: nothing to guess from a dictionary.
 */
public final class TokenDigest {

    public static final int LENGTH = 43;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private TokenDigest() {}

    /** A new token; letters and digits only, so it survives URLs, shells and base64 round trips unchanged. */
    public static String newToken(SecureRandom random) {
        char[] token = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            token[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes (64 characters). */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
