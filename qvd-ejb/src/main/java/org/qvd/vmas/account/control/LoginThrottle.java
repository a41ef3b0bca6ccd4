package org.qvd.vmas.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The failed-login counters in the database ({@code admin_login_throttle}), so that every node of a cluster
 * counts the same failures: an attacker gains nothing by spreading attempts over the nodes. Each change is
 * one atomic statement (an upsert), safe under concurrent attempts. Runs in the caller's transaction.
 */
@ApplicationScoped
public class LoginThrottle {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /** The keys that currently refuse attempts, with the instant each refusal ends. */
    public Map<String, Instant> blocked(List<String> keys, Instant now) {
        Map<String, Instant> blocked = new HashMap<>();
        counted(keys).forEach((key, until) -> {
            if (until != null && until.isAfter(now)) {
                blocked.put(key, until);
            }
        });
        return blocked;
    }

    /** The keys that have failures counted, with the end of their refusal (null: none). One query. */
    public Map<String, Instant> counted(List<String> keys) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT throttle_key, blocked_until FROM admin_login_throttle " + "WHERE throttle_key IN (?1)")
                .setParameter(1, keys)
                .getResultList();
        Map<String, Instant> counted = new HashMap<>();
        for (Object[] row : rows) {
            counted.put((String) row[0], row[1] == null ? null : instant(row[1]));
        }
        return counted;
    }

    /** Counts a failure on the key (restarting the count after a quiet window); answers the count. */
    public int recordFailure(String key, Instant now, Instant windowStart) {
        Object count = em.createNativeQuery(
                        "INSERT INTO admin_login_throttle AS t (throttle_key, failures, last_failure_at) "
                                + "VALUES (?1, 1, ?2) ON CONFLICT (throttle_key) DO UPDATE SET "
                                + "failures = CASE WHEN t.last_failure_at < ?3 THEN 1 ELSE t.failures + 1 END, last_failure_at = ?2 "
                                + "RETURNING failures")
                .setParameter(1, key)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(windowStart))
                .getSingleResult();
        return ((Number) count).intValue();
    }

    /** Refuses attempts on the key until {@code until} (never shortening a longer refusal). */
    public void block(String key, Instant until) {
        em.createNativeQuery(
                        "UPDATE admin_login_throttle SET blocked_until = GREATEST(COALESCE(blocked_until, ?2), ?2) "
                                + "WHERE throttle_key = ?1")
                .setParameter(1, key)
                .setParameter(2, Timestamp.from(until))
                .executeUpdate();
    }

    /** Forgets the keys' failures (after a successful login); a no-op for keys without failures. */
    public void clear(List<String> keys) {
        em.createNativeQuery("DELETE FROM admin_login_throttle WHERE throttle_key IN (?1)")
                .setParameter(1, keys)
                .executeUpdate();
    }

    /** Forgets keys quiet since {@code before} and not refusing anything any more; answers how many. */
    public int purge(Instant before, Instant now) {
        return em.createNativeQuery("DELETE FROM admin_login_throttle WHERE last_failure_at < ?1 "
                        + "AND (blocked_until IS NULL OR blocked_until < ?2)")
                .setParameter(1, Timestamp.from(before))
                .setParameter(2, Timestamp.from(now))
                .executeUpdate();
    }

    /** A timestamp column as the driver hands it over (native queries). */
    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
