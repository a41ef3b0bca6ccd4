package org.qvd.vmas.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.platform.error.ForbiddenException;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.guard.CallerLookup;

/**
 * Turns the Elytron principal {@code name@tenant} into the administrator and its effective ACLs, on every guarded call.
 *
 * <p>One statement per call: the administrator, its tenant, whether either is blocked, and the ACL generation — a
 * counter that database triggers move on every change to the ACL catalogue, roles, their grants, denials and
 * inheritance, and administrators' roles (V130). The effective ACLs (roles inherited through roles, denials applied:
 * three or more statements) are kept per administrator with the generation they were read at, and read again only
 * when the generation moved, whichever node or SQL session changed them. A blocked or deleted administrator or tenant
 * is refused at its next call, as before.
 */
@ApplicationScoped
public class CallerResolver implements CallerLookup {

    /** The administrator, its tenant, blocked (either), and the ACL generation: one index lookup each. */
    static final String CALLER = "SELECT a.id, a.name, t.id, t.name, a.blocked OR t.blocked, "
            + "(SELECT g.generation FROM acl_generation g WHERE g.id = 1) "
            + "FROM administrator a JOIN tenant t ON t.id = a.tenant_id WHERE a.name = ?1 AND t.name = ?2";

    private record Acls(long generation, Set<String> names) {}

    private final ConcurrentMap<Long, Acls> acls = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Override
    public Caller resolve(String principalName) {
        if (principalName == null || principalName.isBlank() || "anonymous".equals(principalName)) {
            throw new ForbiddenException(AccountError.AUTH_UNAUTHENTICATED, "not authenticated as an administrator");
        }
        Login login = Login.parse(principalName);
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(CALLER)
                .setParameter(1, login.name())
                .setParameter(2, login.tenant())
                .getResultList();
        if (found.isEmpty() || Boolean.TRUE.equals(found.get(0)[4])) {
            throw new ForbiddenException(
                    AccountError.AUTH_UNAUTHENTICATED, "'" + principalName + "' is not an active administrator");
        }
        Object[] row = found.get(0);
        long adminId = ((Number) row[0]).longValue();
        long generation = ((Number) row[5]).longValue();
        return new Caller(
                adminId,
                (String) row[1],
                ((Number) row[2]).longValue(),
                (String) row[3],
                effectiveAcls(adminId, generation));
    }

    /**
     * The administrator's ACLs as of {@code generation} or later: from memory when they were read at that generation.
     * Read after the generation (same transaction, later statement), so what is stored is never older than its tag.
     */
    private Set<String> effectiveAcls(long adminId, long generation) {
        Acls known = acls.get(adminId);
        if (known != null && known.generation() == generation) {
            return known.names();
        }
        Administrator admin = em.find(Administrator.class, adminId);
        Set<String> names = admin == null ? Set.of() : Set.copyOf(admin.effectiveAcls());
        acls.put(adminId, new Acls(generation, names));
        return names;
    }
}
