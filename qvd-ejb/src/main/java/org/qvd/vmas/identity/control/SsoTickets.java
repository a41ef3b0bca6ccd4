package org.qvd.vmas.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.qvd.vmas.platform.ServerConfig;

/**
 * What a single sign-on hands to the WAT and the REST API: {@code sso.base64url(kind|principal|expiry|issued|nonce)
 * .base64url(HMAC-SHA256)}, signed with {@code qvd.api.token.secret} (env {@code QVD_API_TOKEN_SECRET}, read through
 * {@link ServerConfig}; the same on
 * every node of a cluster; without it a random per-process key, so a ticket only works on the node that made it).
 * A {@link Kind#LOGIN} ticket logs a browser in once within a minute; an {@link Kind#API} ticket is a bearer token
 * for the REST API until it expires.
 */
@ApplicationScoped
public class SsoTickets {

    public static final String PREFIX = "sso.";
    public static final Duration LOGIN_TTL = Duration.ofSeconds(60);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a ticket is good for. */
    public enum Kind {
        LOGIN,
        API
    }

    /** A valid ticket's content. */
    public record Ticket(Kind kind, String principal, Instant issuedAt, Instant expiresAt) {}

    private final Map<String, Instant> redeemed = new ConcurrentHashMap<>();
    private byte[] key;

    public String issue(Kind kind, String principal, Duration ttl) {
        Instant now = Instant.now();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = kind + "|" + principal + "|" + now.plus(ttl).getEpochSecond() + "|" + now.toEpochMilli() + "|"
                + B64.encodeToString(nonce);
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return PREFIX + body + "." + B64.encodeToString(mac(body));
    }

    /** The ticket's content if it is genuine, unexpired and of {@code kind}; a login ticket only the first time. */
    public Optional<Ticket> verify(String ticket, Kind kind) {
        if (ticket == null || !ticket.startsWith(PREFIX) || ticket.length() > 2048) {
            return Optional.empty();
        }
        String rest = ticket.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = rest.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(Base64.getUrlDecoder().decode(rest.substring(dot + 1)), mac(body))) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 5 || !kind.name().equals(parts[0])) {
                return Optional.empty();
            }
            Instant now = Instant.now();
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (now.isAfter(expires)) {
                return Optional.empty();
            }
            if (kind == Kind.LOGIN && !firstUse(parts[4], expires, now)) {
                return Optional.empty();
            }
            return Optional.of(new Ticket(kind, parts[1], Instant.ofEpochMilli(Long.parseLong(parts[3])), expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A login ticket works once (per node: a ticket copied to another node within its minute is the rest risk). */
    private boolean firstUse(String nonce, Instant expires, Instant now) {
        redeemed.values().removeIf(now::isAfter);
        return redeemed.putIfAbsent(nonce, expires) == null;
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update("qvd-sso-ticket|".getBytes(StandardCharsets.US_ASCII)); // never valid as an API token
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private synchronized byte[] key() {
        if (key == null) {
            key = ServerConfig.text("qvd.api.token.secret")
                    .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                    .orElseGet(() -> {
                        byte[] random = new byte[32];
                        RANDOM.nextBytes(random);
                        return random;
                    });
        }
        return key;
    }
}
