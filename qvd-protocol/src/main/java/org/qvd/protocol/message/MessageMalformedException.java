package org.qvd.protocol.message;

/** The message is not JSON, lacks an envelope field, or its body does not fit its type. */
public class MessageMalformedException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    public MessageMalformedException(String message) {
        super(message);
    }

    public MessageMalformedException(String message, Throwable cause) {
        super(message, cause);
    }
}
