package org.qvd.vmas.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.qvd.vmas.account.control.VerifiedCredentials;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.directory.entity.DirectoryUser;

/**
 * A directory user's password, checked through the server's verified-credential cache so that a logon storm costs
 * one bind per user and expiry period, never one per request; the bind ({@link DirectoryPasswords}) is the slow check.
 * The cache is keyed by the user and the entry's DN: a user moved in the directory is bound again.
 */
@ApplicationScoped
public class DirectoryPasswordCheck {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    DirectoryPasswords passwords;

    public boolean verify(AppUser user, String password) {
        DirectoryUser link = em.find(DirectoryUser.class, user.getId());
        if (link == null || password == null || password.isEmpty()) {
            return false;
        }
        String key = DirectoryUser.NO_LOCAL_PASSWORD + user.getId() + "/" + link.getDn();
        return VerifiedCredentials.SHARED.verify(password, key, (candidate, k) -> passwords.check(user.getId(), candidate));
    }
}
