package org.qvd.vmas.session.throttle;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The L7R login throttle's counters ({@code l7r_login_throttle}), so that every node counts the same failures, as
 * the administrators' throttle does ({@code admin_login_throttle}). The rules (window, lock doubling, parallel
 * attempts) stay the L7R's: an update reads the key's row under a row lock ({@code SELECT … FOR UPDATE}), applies
 * the L7R's function and writes the result in the same transaction, so concurrent failures on two nodes both count.
 */
@Stateless
public class L7rLoginFailures {

    /** A key's failures within the window and its lock ({@code lockedAt}/{@code lockedUntil} null: none). */
    public record Counters(int failures, Instant firstAt, Instant lockedAt, Instant lockedUntil) {}

    private static final String COLUMNS = "failures, CAST(EXTRACT(EPOCH FROM first_failure_at) * 1000000 AS BIGINT), "
            + "CAST(EXTRACT(EPOCH FROM locked_at) * 1000000 AS BIGINT), "
            + "CAST(EXTRACT(EPOCH FROM locked_until) * 1000000 AS BIGINT)";

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /** The key's counters, or null. */
    public Counters find(String key) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM l7r_login_throttle WHERE throttle_key = ?1")
                .setParameter(1, stored(key))
                .getResultList();
        return rows.isEmpty() ? null : counters((Object[]) rows.get(0));
    }

    /** The counters of each of {@code keys} that has a row, in one statement (a login's admission: one read). */
    public Map<String, Counters> findAll(List<String> keys) {
        Map<String, String> byStored = new HashMap<>();
        keys.forEach(k -> byStored.put(stored(k), k));
        Map<String, Counters> found = new HashMap<>();
        if (byStored.isEmpty()) {
            return found;
        }
        List<?> rows = em.createNativeQuery(
                        "SELECT throttle_key, " + COLUMNS + " FROM l7r_login_throttle WHERE throttle_key IN (:keys)")
                .setParameter("keys", byStored.keySet())
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Object[] counters = java.util.Arrays.copyOfRange(columns, 1, columns.length);
            found.put(byStored.get((String) columns[0]), counters(counters));
        }
        return found;
    }

    /** Replaces the key's counters by {@code next} of them (null: none yet), under the row's lock. */
    public Counters update(String key, UnaryOperator<Counters> next) {
        String stored = stored(key);
        // a placeholder row (0 failures) gives the first failure of a key a row to lock too
        em.createNativeQuery("INSERT INTO l7r_login_throttle (throttle_key, failures, first_failure_at) "
                        + "VALUES (?1, 0, now()) ON CONFLICT (throttle_key) DO NOTHING")
                .setParameter(1, stored)
                .executeUpdate();
        Counters old = counters((Object[]) em.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM l7r_login_throttle WHERE throttle_key = ?1 FOR UPDATE")
                .setParameter(1, stored)
                .getSingleResult());
        Counters updated = next.apply(old.failures() == 0 ? null : old);
        if (updated.lockedUntil() == null) {
            em.createNativeQuery(
                            "UPDATE l7r_login_throttle SET failures = ?2, first_failure_at = ?3, locked_at = NULL, "
                                    + "locked_until = NULL WHERE throttle_key = ?1")
                    .setParameter(1, stored)
                    .setParameter(2, updated.failures())
                    .setParameter(3, Timestamp.from(updated.firstAt()))
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE l7r_login_throttle SET failures = ?2, first_failure_at = ?3, locked_at = ?4, "
                            + "locked_until = ?5 WHERE throttle_key = ?1")
                    .setParameter(1, stored)
                    .setParameter(2, updated.failures())
                    .setParameter(3, Timestamp.from(updated.firstAt()))
                    .setParameter(
                            4, Timestamp.from(updated.lockedAt() == null ? updated.firstAt() : updated.lockedAt()))
                    .setParameter(5, Timestamp.from(updated.lockedUntil()))
                    .executeUpdate();
        }
        return updated;
    }

    /** Forgets the key (a successful login). */
    public void clear(String key) {
        em.createNativeQuery("DELETE FROM l7r_login_throttle WHERE throttle_key = ?1")
                .setParameter(1, stored(key))
                .executeUpdate();
    }

    /** Forgets keys whose failures began before {@code windowStart} and whose lock is over; answers how many. */
    public int purge(Instant windowStart, Instant now) {
        return em.createNativeQuery("DELETE FROM l7r_login_throttle WHERE first_failure_at < ?1 "
                        + "AND (locked_until IS NULL OR locked_until <= ?2)")
                .setParameter(1, Timestamp.from(windowStart))
                .setParameter(2, Timestamp.from(now))
                .executeUpdate();
    }

    /** The key's kind in clear (its first two characters, e.g. {@code p:}) and the SHA-256 of the whole key. */
    static String stored(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String kind = key.length() >= 2 && key.charAt(1) == ':' ? key.substring(0, 2) : "?:";
            return kind + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static Counters counters(Object[] row) {
        return new Counters(((Number) row[0]).intValue(), instant(row[1]), instant(row[2]), instant(row[3]));
    }

    private static Instant instant(Object micros) {
        if (micros == null) {
            return null;
        }
        long us = ((Number) micros).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }
}
