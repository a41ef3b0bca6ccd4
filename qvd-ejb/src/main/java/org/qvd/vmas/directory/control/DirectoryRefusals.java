package org.qvd.vmas.directory.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.directory.entity.DirectoryUser;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.audit.AuditSink;
import org.qvd.vmas.platform.text.LogText;

/**
 * Why the directory refused a user, kept although the login rolls back: on the user's directory link (admins see it
 * with the directory's users) and in the audit log ({@code user.login.directory} with the refusal's code).
 */
@Stateless
public class DirectoryRefusals {

    private static final Logger LOG = Logger.getLogger(DirectoryRefusals.class.getName());
    public static final String ACTION = "user.login.directory";

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    AuditSink audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AppUser user, String code, String why) {
        if (user != null) {
            DirectoryUser link = em.find(DirectoryUser.class, user.getId());
            if (link != null) {
                link.refused(why, Instant.now());
            }
        }
        LOG.info(() -> "directory login refused (" + code + "): " + LogText.escape(why));
        audit.recordRefusal(new AuditEvent(
                null,
                "system",
                user == null ? null : user.getTenant().getId(),
                user == null ? null : user.getTenant().getName(),
                false,
                ACTION,
                "user",
                user == null ? null : user.getId(),
                user == null ? null : user.getLogin(),
                "{\"reason\":\"" + LogText.escape(why).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}",
                code,
                null));
    }
}
