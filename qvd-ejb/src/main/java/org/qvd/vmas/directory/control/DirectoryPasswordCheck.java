package org.qvd.vmas.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.entity.AppUser;

/**
 * A directory user's password, through {@link PasswordCheck} (the one place a password is checked, with its
 * verified-credential cache: a logon storm costs one bind per user and expiry period, never one per request); its
 * slow check binds as the user's entry ({@link DirectoryPasswords}) for accounts whose stored hash is
 * {@link org.qvd.vmas.directory.entity.DirectoryUser#NO_LOCAL_PASSWORD}.
 */
@ApplicationScoped
public class DirectoryPasswordCheck {

    @Inject
    PasswordCheck check;

    public boolean verify(AppUser user, String password) {
        return check.verify(
                new PasswordCheck.Account(
                        PasswordCheck.Kind.USER, user.getId(), user.getLogin(), user.getPasswordHash()),
                password);
    }
}
