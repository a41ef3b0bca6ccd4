package org.qvd.vmas.totp.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.OptionalLong;
import org.qvd.vmas.account.control.Login;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.totp.control.TotpCodes;
import org.qvd.vmas.totp.entity.AdminTotp;

/**
 * The second step of an admin login (WAT form, REST Basic), after the password: an admin with a confirmed TOTP secret
 * must also give a current, unused code. Admins without one pass (and keep logging in as before).
 */
@Stateless
public class SecondFactor {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /** Whether {@code principal} ({@code name@tenant}, as the password check returned it) may log in with this code. */
    public boolean accepts(String principal, String code) {
        Login login = Login.parse(principal);
        Administrator admin = em.createNamedQuery(Administrator.BY_LOGIN, Administrator.class)
                .setParameter("name", login.name())
                .setParameter("tenant", login.tenant())
                .getResultStream()
                .findFirst()
                .orElse(null);
        AdminTotp totp = admin == null ? null : em.find(AdminTotp.class, admin.getId());
        if (totp == null || !totp.isConfirmed()) {
            return true;
        }
        OptionalLong step = TotpCodes.accept(totp.getSecret(), code, Instant.now(), totp.getLastStep());
        step.ifPresent(totp::used);
        return step.isPresent();
    }
}
