package org.qvd.vmas.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.qvd.vmas.directory.entity.Directory;
import org.qvd.vmas.directory.entity.DirectoryUser;

/**
 * The slow check of a directory user's password: a bind as the user's entry, on the directory the user came from.
 * Called behind the verified-credential cache for accounts whose stored hash is {@link DirectoryUser#NO_LOCAL_PASSWORD}.
 */
@ApplicationScoped
public class DirectoryPasswords {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    DirectoryEndpoints endpoints;

    /** Whether the password binds as the user's entry; false for a user no enabled directory vouches for. */
    public boolean check(long userId, String password) {
        DirectoryUser link = em.find(DirectoryUser.class, userId);
        Directory directory = link == null ? null : em.find(Directory.class, link.getDirectoryId());
        // the link is made or moved to the tenant's current directory just before every password check
        if (directory == null || !directory.isEnabled()) {
            return false;
        }
        return endpoints.bind(directory.getId(), directory.getRevision(), directory.settings(), link.getDn(), password);
    }
}
