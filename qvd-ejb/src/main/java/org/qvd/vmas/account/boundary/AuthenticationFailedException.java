package org.qvd.vmas.account.boundary;

import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.platform.error.QvdException;

/** Wrong login or password, or a blocked user/tenant: deliberately one answer for all. */
public class AuthenticationFailedException extends QvdException {
    public AuthenticationFailedException() {
        super(AccountError.AUTH_FAILED, 401, "authentication failed");
    }
}
