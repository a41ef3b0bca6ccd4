package org.qvd.vmas.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.logging.Logger;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.directory.entity.Directory;
import org.qvd.vmas.directory.entity.DirectoryUser;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.vm.control.VmNetwork;
import org.qvd.vmas.vm.entity.Vm;

/**
 * QVD 4's auto-provisioning: a directory user who logs in for the first time gets a user record (with no password of
 * its own) and, when the directory names an OSF for the user (by group, else its default), a VM of that OSF named
 * after the login — also later, whenever the user has no VM left.
 */
@ApplicationScoped
public class AutoProvisioning {

    private static final Logger LOG = Logger.getLogger(AutoProvisioning.class.getName());

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    ConfigResolver config;

    /**
     * The user of the directory's tenant for the entry, made now. Two first logins of the same user at once (a user
     * double-clicking, two clients) must not fail on the unique login: PostgreSQL's {@code ON CONFLICT DO NOTHING}
     * makes the second insert wait for the first transaction and then insert nothing, and the user is read back
     * (committed by the other login, or made by this one). A first login whose password proves wrong rolls it back.
     */
    public AppUser user(Directory directory, String login, DirectoryEntry entry) {
        int made = em.createNativeQuery("INSERT INTO app_user (tenant_id, login, password_hash, description) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT ON CONSTRAINT uk_app_user_tenant_login DO NOTHING")
                .setParameter(1, directory.getTenant().getId())
                .setParameter(2, login)
                .setParameter(3, DirectoryUser.NO_LOCAL_PASSWORD)
                .setParameter(4, "from the directory: " + truncated(entry.dn()))
                .executeUpdate();
        AppUser user = em.createNamedQuery(AppUser.BY_LOGIN, AppUser.class)
                .setParameter("login", login)
                .setParameter("tenant", directory.getTenant().getName())
                .getSingleResult();
        if (made == 1) {
            LOG.info(() ->
                    "provisioned user " + login + "@" + directory.getTenant().getName() + " from the directory");
        }
        return user;
    }

    /** A VM of {@code osfId} for a user who has none; nothing when no OSF applies or the user has a VM. */
    public void vm(AppUser user, Long osfId, String tag) {
        if (osfId == null
                || em.createNamedQuery(Vm.COUNT_BY_USER, Long.class)
                                .setParameter("userId", user.getId())
                                .getSingleResult()
                        > 0) {
            return;
        }
        Osf osf = em.find(Osf.class, osfId);
        if (osf == null || !osf.getTenant().getId().equals(user.getTenant().getId())) {
            LOG.warning(() -> "directory OSF " + osfId + " is not an OSF of tenant "
                    + user.getTenant().getName() + ": no VM provisioned for " + user.getLogin());
            return;
        }
        String ip = VmNetwork.of(config, user.getTenant().getId())
                .next(new HashSet<>(
                        em.createNamedQuery(Vm.USED_IPS, String.class).getResultList()));
        em.persist(new Vm(user, osf, user.getLogin(), tag, ip, "provisioned from the directory"));
        LOG.info(() -> "provisioned a VM of OSF " + osf.getName() + " for " + user.getLogin() + "@"
                + user.getTenant().getName());
    }

    private static String truncated(String text) {
        return text.length() > 900 ? text.substring(0, 900) + "…" : text;
    }
}
