package org.qvd.vmas.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.platform.Caller;
import org.qvd.vmas.platform.CallerLookup;
import org.qvd.vmas.platform.ForbiddenException;

/** Turns the Elytron principal {@code name@tenant} into the administrator and its effective ACLs. */
@ApplicationScoped
public class CallerResolver implements CallerLookup {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Override
    public Caller resolve(String principalName) {
        if (principalName == null || principalName.isBlank() || "anonymous".equals(principalName)) {
            throw new ForbiddenException(AccountError.AUTH_UNAUTHENTICATED, "not authenticated as an administrator");
        }
        Login login = Login.parse(principalName);
        List<Administrator> found = em.createNamedQuery(Administrator.BY_LOGIN, Administrator.class)
                .setParameter("name", login.name())
                .setParameter("tenant", login.tenant())
                .getResultList();
        if (found.isEmpty()
                || found.get(0).isBlocked()
                || found.get(0).getTenant().isBlocked()) {
            throw new ForbiddenException(
                    AccountError.AUTH_UNAUTHENTICATED, "'" + principalName + "' is not an active administrator");
        }
        Administrator admin = found.get(0);
        return new Caller(
                admin.getId(),
                admin.getName(),
                admin.getTenant().getId(),
                admin.getTenant().getName(),
                admin.effectiveAcls());
    }
}
