package org.qvd.vmas.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Everything an administrator's password login needs to know before and after the hash check, in ONE statement: the
 * refusal in force on its throttle keys, whether its login key has failures to forget, the administrator (id, stored
 * hash, blocked itself or through its tenant, the tenant's name) and whether it enrolled a second factor. Basic sends
 * the password on every REST and SOAP request, so this is paid per request: it replaces four statements (throttle
 * keys, the administrator with its tenant, the same again and its TOTP row for the second factor). An unknown login
 * still answers its throttle state (a row with no administrator), so unknown and known logins are throttled alike.
 */
@ApplicationScoped
public class AdminLoginState {

    static final String STATE = "SELECT a.id, a.name, a.password_hash, a.blocked OR t.blocked, t.name, "
            + "COALESCE(z.confirmed, FALSE), "
            + "(SELECT MAX(l.blocked_until) FROM admin_login_throttle l WHERE l.throttle_key IN (?3)), "
            + "(SELECT COUNT(*) FROM admin_login_throttle l WHERE l.throttle_key IN (?4)) "
            + "FROM (VALUES (1)) AS one (x) "
            + "LEFT JOIN (administrator a JOIN tenant t ON t.id = a.tenant_id AND t.name = ?2) ON a.name = ?1 "
            + "LEFT JOIN admin_totp z ON z.administrator_id = a.id";

    /**
     * What the statement read. {@code id} is null for an unknown login; {@code blockedUntil} is the latest refusal on
     * any of the keys (null: none, possibly already over); {@code loginKeysCounted} whether the login's own keys hold
     * failures that a successful login forgets.
     */
    public record State(
            Long id,
            String name,
            String passwordHash,
            boolean blocked,
            String tenant,
            boolean secondFactor,
            Instant blockedUntil,
            boolean loginKeysCounted) {

        public boolean known() {
            return id != null;
        }

        /** The principal {@code name@tenant} the container is told about. */
        public String principal() {
            return name + "@" + tenant;
        }
    }

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /** The state of {@code login} and of its throttle {@code keys} (the login's own ones among them: {@code loginKeys}). */
    public State read(Login login, List<String> keys, List<String> loginKeys) {
        Object[] row = (Object[]) em.createNativeQuery(STATE)
                .setParameter(1, login.name())
                .setParameter(2, login.tenant())
                .setParameter(3, keys)
                .setParameter(4, loginKeys.isEmpty() ? List.of("") : loginKeys)
                .getSingleResult();
        return new State(
                row[0] == null ? null : ((Number) row[0]).longValue(),
                (String) row[1],
                (String) row[2],
                Boolean.TRUE.equals(row[3]),
                (String) row[4],
                Boolean.TRUE.equals(row[5]),
                row[6] == null ? null : LoginThrottle.instant(row[6]),
                ((Number) row[7]).longValue() > 0);
    }
}
