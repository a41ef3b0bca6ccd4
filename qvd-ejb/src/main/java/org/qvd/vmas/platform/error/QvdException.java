package org.qvd.vmas.platform.error;

import jakarta.ejb.ApplicationException;

/**
 * The one unchecked base of every VMAS error. The code is stable (clients and translations key on
 * it; each component's catalogue of {@link ErrorCode}s spells them); the status is the HTTP status the web layers
 * answer with. Rolls the transaction back and reaches the caller unwrapped (not as an EJBException).
 */
@ApplicationException(rollback = true, inherited = true)
public class QvdException extends RuntimeException {

    private final ErrorCode errorCode;
    /** The code's spelling, kept as a field too: tests and tools read it by name ({@code extracting("code")}). */
    private final String code;

    private final int status;
    private final String errorId;

    public QvdException(ErrorCode code, int status, String message) {
        this(code, status, message, null, null);
    }

    public QvdException(ErrorCode code, int status, String message, Throwable cause) {
        this(code, status, message, cause, null);
    }

    /** @param errorId the id under which the server logged this error (internal errors), or null */
    protected QvdException(ErrorCode code, int status, String message, Throwable cause, String errorId) {
        super(message, cause);
        this.errorCode = code;
        this.code = code.code();
        this.status = status;
        this.errorId = errorId;
    }

    /** An unexpected failure, logged by the server under {@code errorId}; its cause never reaches a client. */
    public static QvdException internal(String errorId, Throwable cause) {
        return new QvdException(PlatformError.INTERNAL, 500, "internal error " + errorId, cause, errorId);
    }

    /** Stable error code, e.g. {@code vm.invalid_state}. */
    public String code() {
        return code;
    }

    /** The code as its catalogue names it. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** HTTP-like status: 400 validation, 401, 403, 404, 409 conflict/state, 500. */
    public int status() {
        return status;
    }

    /** The id the server logged this error under (internal errors: quoted to the client), or null. */
    public String errorId() {
        return errorId;
    }
}
