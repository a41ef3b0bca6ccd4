package org.qvd.vmas.totp.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.OptionalLong;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.totp.control.QrCodes;
import org.qvd.vmas.totp.control.TotpCodes;
import org.qvd.vmas.totp.entity.AdminTotp;
import org.qvd.vmas.totp.entity.TotpError;

/**
 * An administrator's own TOTP second factor: enrol (a new secret and its QR code), confirm with a first code (from
 * then on every login needs a code), disable with a code. An admin who may change other admins' passwords can reset
 * another admin's second factor (a lost phone). Codes are never audited (their parameters are named as secrets).
 */
@Stateless
@RequiresAcl
public class TotpService {

    static final String ISSUER = "QVD";

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /** Whether the calling administrator's logins need a code. */
    @RequiresAcl(RequiresAcl.AUTHENTICATED)
    public boolean enabled() {
        AdminTotp totp = em.find(AdminTotp.class, self());
        return totp != null && totp.isConfirmed();
    }

    @RequiresAcl(RequiresAcl.AUTHENTICATED)
    @Audited(value = "admin.totp.enrol", objectType = "admin")
    public TotpEnrolmentDto enrol() {
        long id = self();
        AdminTotp totp = em.find(AdminTotp.class, id);
        if (totp != null && totp.isConfirmed()) {
            throw new ConflictException(
                    TotpError.ENROLLED, "a second factor is active: disable it (with a code) first");
        }
        String secret = TotpCodes.newSecret();
        if (totp == null) {
            em.persist(new AdminTotp(id, secret));
        } else {
            totp.replaceSecret(secret);
        }
        String uri = TotpCodes.uri(ISSUER, CurrentCaller.get().principal(), secret);
        return new TotpEnrolmentDto(secret, uri, QrCodes.svg(uri));
    }

    /** Activates the enrolled secret with a first good code. */
    @RequiresAcl(RequiresAcl.AUTHENTICATED)
    @Audited(value = "admin.totp.confirm", objectType = "admin")
    public void confirm(@NotNull String codeSecret) {
        AdminTotp totp = em.find(AdminTotp.class, self());
        if (totp == null) {
            throw new ConflictException(TotpError.NOT_ENROLLED, "enrol first: there is no secret to confirm");
        }
        use(totp, codeSecret);
    }

    /** Turns the second factor off; needs a current code. */
    @RequiresAcl(RequiresAcl.AUTHENTICATED)
    @Audited(value = "admin.totp.disable", objectType = "admin")
    public void disable(@NotNull String codeSecret) {
        AdminTotp totp = em.find(AdminTotp.class, self());
        if (totp == null || !totp.isConfirmed()) {
            throw new ConflictException(TotpError.NOT_ENROLLED, "no second factor is active");
        }
        use(totp, codeSecret);
        em.remove(totp);
    }

    /** Removes another administrator's second factor (lost device); that admin logs in with the password alone. */
    @RequiresAcl("admin.update.password")
    @Audited(value = "admin.totp.reset", objectType = "admin")
    public void reset(@NotNull Long adminId) {
        Administrator admin =
                Scoped.find(em, Administrator.class, adminId, a -> a.getTenant().getId(), AccountError.ADMIN_NOT_FOUND);
        AdminTotp totp = em.find(AdminTotp.class, admin.getId());
        if (totp != null) {
            em.remove(totp);
        }
    }

    private void use(AdminTotp totp, String code) {
        OptionalLong step = TotpCodes.accept(totp.getSecret(), code, Instant.now(), totp.getLastStep());
        if (step.isEmpty()) {
            throw new InvalidInputException(TotpError.WRONG_CODE, "the code is wrong, expired or used already");
        }
        totp.used(step.getAsLong());
    }

    private static long self() {
        Caller caller = CurrentCaller.get();
        if (caller.adminId() == null) {
            throw new InvalidInputException(TotpError.NO_ADMIN, "only an administrator has a second factor");
        }
        return caller.adminId();
    }
}
