package org.qvd.vmas.platform.error;

/** An operation that the object's current state does not allow; nothing was changed. */
public class InvalidStateException extends QvdException {
    public InvalidStateException(ErrorCode code, String message) {
        super(code, 409, message);
    }
}
