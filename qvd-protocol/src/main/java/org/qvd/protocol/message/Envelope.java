package org.qvd.protocol.message;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message with its envelope: the type name, the schema version and the time it was sent. On the wire
 * the envelope fields and the message's own fields share one flat JSON object.
 */
public record Envelope(String type, SchemaVersion schemaVersion, Instant sentAt, HkdMessage message) {

    public Envelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(message, "message");
    }

    public String hostName() {
        return message.hostName();
    }

    public String correlationId() {
        return message.correlationId();
    }

    /** The JMS string properties of this message (see {@link MessageProperties}); absent ids are left out. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MessageProperties.TYPE, type);
        properties.put(MessageProperties.SCHEMA_VERSION, schemaVersion.toString());
        properties.put(MessageProperties.HOST_NAME, hostName());
        if (correlationId() != null) {
            properties.put(MessageProperties.CORRELATION_ID, correlationId());
        }
        return properties;
    }

    /** The message as the given type, or a refusal if it is another one. */
    public <T extends HkdMessage> T as(Class<T> expected) {
        if (!expected.isInstance(message)) {
            throw new MessageTypeUnknownException(type + " (expected " + MessageTypes.nameOf(expected) + ")");
        }
        return expected.cast(message);
    }
}
