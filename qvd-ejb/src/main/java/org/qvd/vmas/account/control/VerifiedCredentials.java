package org.qvd.vmas.account.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.qvd.vmas.platform.ServerConfig;

/**
 * A verified-credential cache, as application servers keep one (Elytron's caching realm, Spring's user cache): a
 * password that passed the slow hash check is remembered for a short while as a <em>keyed fast digest</em> —
 * HMAC-SHA-256 under a random key made at start and never stored or shown, over the account's stored hash and the
 * password — so that a client that sends Basic on every request (QVD's legacy clients do, twice per connect) costs
 * one bcrypt check per expiry period instead of one per request. Never the password itself.
 *
 * <p>Entries are keyed by the <em>account</em> ({@code user:42}, {@code admin:7}) and bound to its stored hash: a
 * password change writes a new hash (bcrypt salts every hash), so the old entry no longer matches on any node; the
 * account's services also {@link #forget} it on a password change or a block; a wrong password removes it; and the
 * caller still reads the account from the database on every login and refuses a blocked user, tenant or
 * administrator whatever this says. An entry lives {@code ttl} at most; the cache holds at most {@code maxEntries}
 * (then it is emptied).
 *
 * <p>Slow checks (a miss) pass a fair gate with one permit per core: in a logon storm the checks run in arrival
 * order, a core each, so the first clients are through after one check instead of all finishing together at the end.
 */
public final class VerifiedCredentials {

    /** The setting with the expiry in seconds ({@link ServerConfig}); 0 turns the cache off (every login costs a hash check). */
    public static final String TTL_PROPERTY = "qvd.auth.credential-cache-seconds";

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 50_000;

    /** One per server: users (L7R) and administrators (REST, WAT) alike; made on first use, in the server. */
    public static VerifiedCredentials shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final VerifiedCredentials INSTANCE = new VerifiedCredentials(
                ServerConfig.seconds(TTL_PROPERTY, DEFAULT_TTL),
                MAX_ENTRIES,
                System::nanoTime,
                Runtime.getRuntime().availableProcessors());
    }

    /** The slow check, e.g. {@link PasswordHasher#verify}. */
    @FunctionalInterface
    public interface SlowCheck {
        boolean verify(String password, String storedHash);
    }

    private record Entry(byte[] digest, long expiresAt) {}

    private final byte[] key = new byte[32];
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final Semaphore gate;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedCredentials(Duration ttl, int maxEntries, LongSupplier nanoClock, int parallelChecks) {
        new SecureRandom().nextBytes(key);
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
        this.gate = new Semaphore(Math.max(1, parallelChecks), true);
    }

    /**
     * Whether {@code password} matches the account's {@code storedHash}: from the cache when it was verified lately
     * against the same stored hash, else slowly (and then remembered).
     */
    public boolean verify(String account, String storedHash, String password, SlowCheck slow) {
        if (account == null || password == null || storedHash == null || ttlNanos <= 0) {
            return gated(password, storedHash, slow);
        }
        byte[] digest = digest(storedHash, password);
        Entry cached = entries.get(account);
        long now = nanoClock.getAsLong();
        if (cached != null && now - cached.expiresAt() < 0 && MessageDigest.isEqual(cached.digest(), digest)) {
            return true;
        }
        boolean ok = gated(password, storedHash, slow);
        if (ok) {
            if (entries.size() >= maxEntries) {
                entries.clear(); // crude but bounded; a storm of that size refills it within one expiry
            }
            entries.put(account, new Entry(digest, now + ttlNanos));
        } else {
            entries.remove(account);
        }
        return ok;
    }

    /** Forgets what is remembered for the account (its password changed, it was blocked or deleted). */
    public void forget(String account) {
        entries.remove(account);
    }

    /** Forgets every entry (e.g. tests; an operator's restart does the same). */
    public void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private boolean gated(String password, String storedHash, SlowCheck slow) {
        gate.acquireUninterruptibly();
        try {
            return slow.verify(password, storedHash);
        } finally {
            gate.release();
        }
    }

    private byte[] digest(String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
