package org.qvd.api.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed, expiring bearer tokens: {@code base64url(principal|expiry|nonce).base64url(HMAC-SHA256)}.
 * The key is {@code qvd.api.token.secret} (env {@code QVD_API_TOKEN_SECRET}; the same on every node of
 * a cluster); without it a random per-process key is used, so tokens die with the process. A token
 * carries no roles: the administrator is looked up on every request, and refused if blocked or if its password
 * changed (or it was blocked) after the token was issued.
 */
@ApplicationScoped
public class BearerTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "qvd.api.token.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "qvd.api.token.ttl", defaultValue = "3600")
    long ttlSeconds;

    private byte[] key;

    /** A token for the principal; {@code expiresAt} tells the client when to ask again. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(
            name = "Token",
            description = "a bearer token: send `Authorization: Bearer <token>` until expiresAt")
    public record Issued(String token, String principal, Instant expiresAt) {}

    /** What a valid token says: whose it is and when it was issued (tokens older than a password change are void). */
    public record Verified(String principal, Instant issuedAt) {}

    public Issued issue(String principal) {
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(ttlSeconds);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String payload =
                principal + "|" + expires.getEpochSecond() + "|" + B64.encodeToString(nonce) + "|" + now.toEpochMilli();
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return new Issued(body + "." + B64.encodeToString(mac(body)), principal, expires);
    }

    /** The principal and issue time of a valid, unexpired token. */
    public Optional<Verified> verify(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        try {
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(body))) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4 || Instant.now().getEpochSecond() > Long.parseLong(parts[1])) {
                return Optional.empty();
            }
            return Optional.of(new Verified(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private synchronized byte[] key() {
        if (key == null) {
            if (secret.isPresent() && !secret.get().isBlank()) {
                key = secret.get().getBytes(StandardCharsets.UTF_8);
            } else {
                key = new byte[32];
                RANDOM.nextBytes(key);
            }
        }
        return key;
    }
}
