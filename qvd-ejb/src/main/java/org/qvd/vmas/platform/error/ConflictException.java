package org.qvd.vmas.platform.error;

/** A duplicate or an object still in use. Code {@code <object>.duplicate}, {@code <object>.in_use}… */
public class ConflictException extends QvdException {
    public ConflictException(ErrorCode code, String message) {
        super(code, 409, message);
    }
}
