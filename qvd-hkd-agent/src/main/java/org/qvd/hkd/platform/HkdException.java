package org.qvd.hkd.platform;

/**
 * Base of the agent's expected failures. Its message is the reason a {@code CommandFailed} carries, so it
 * says what failed for which VM in words an operator understands.
 */
public class HkdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HkdException(String message) {
        super(message);
    }

    public HkdException(String message, Throwable cause) {
        super(message, cause);
    }
}
