package org.qvd.vmas.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.platform.error.InvalidInputException;

/**
 * What a new password of a user or administrator must be: at least {@code password.min_length} characters
 * (10 unless configured; a tenant may require more, never less than the global value) and at most 72 bytes.
 */
@ApplicationScoped
public class PasswordPolicy {

    @Inject
    ConfigResolver config;

    public void check(long tenantId, String password) {
        PasswordHasher.check(password);
        int global = config.get(null, AccountConfigKeys.PASSWORD_MIN_LENGTH);
        int min = Math.max(global, config.get(tenantId, AccountConfigKeys.PASSWORD_MIN_LENGTH));
        check(password, min);
    }

    static void check(String password, int min) {
        if (password.codePointCount(0, password.length()) < min) {
            throw new InvalidInputException(
                    AccountError.PASSWORD_TOO_SHORT, "the password must have at least " + min + " characters");
        }
    }
}
