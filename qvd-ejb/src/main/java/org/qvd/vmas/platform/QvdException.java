package org.qvd.vmas.platform;

import jakarta.ejb.ApplicationException;

/**
 * The one unchecked base of every VMAS error. The code is stable (clients and translations key on
 * it); the status is the HTTP status the web layers answer with. Rolls the transaction back and
 * reaches the caller unwrapped (not as an EJBException).
 */
@ApplicationException(rollback = true, inherited = true)
public class QvdException extends RuntimeException {

    private final String code;
    private final int status;

    public QvdException(String code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public QvdException(String code, int status, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
    }

    /** Stable error code, e.g. {@code vm.invalid_state}. */
    public String code() {
        return code;
    }

    /** HTTP-like status: 400 validation, 401, 403, 404, 409 conflict/state, 500. */
    public int status() {
        return status;
    }
}
