package org.qvd.protocol.message;

/** The message's {@code type} is not one this receiver knows (a newer sender, or garbage). */
public class MessageTypeUnknownException extends ProtocolException {

    private static final long serialVersionUID = 1L;
    private final String type;

    public MessageTypeUnknownException(String type) {
        super("unknown message type '" + type + "'; known: " + MessageTypes.names());
        this.type = type;
    }

    public String type() {
        return type;
    }
}
