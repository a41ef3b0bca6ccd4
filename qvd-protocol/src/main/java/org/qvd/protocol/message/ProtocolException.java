package org.qvd.protocol.message;

/** Base of every refusal of a message; receivers log it and drop or dead-letter the message. */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
