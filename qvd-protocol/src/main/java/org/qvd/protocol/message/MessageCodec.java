package org.qvd.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * JSON codec of the JMS messages. The wire form is one flat object: the envelope fields {@code type},
 * {@code schemaVersion}, {@code sentAt} followed by the message's fields (among them {@code hostName}
 * and {@code correlationId}). Absent optional fields are left out. Unknown fields are ignored (a newer
 * minor version); an unknown type or major version is refused with a {@link ProtocolException}.
 * Every primitive field is required (a missing one is malformed); optional fields are boxed. Thread-safe.
 */
public final class MessageCodec {

    static final String TYPE = "type";
    static final String SCHEMA_VERSION = "schemaVersion";
    static final String SENT_AT = "sentAt";

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(instantsAsIsoText())
            .build();
    private final Clock clock;

    public MessageCodec() {
        this(Clock.systemUTC());
    }

    public MessageCodec(Clock clock) {
        this.clock = clock;
    }

    /** Wraps a message in an envelope of the current schema version, sent now. */
    public Envelope wrap(HkdMessage message) {
        return new Envelope(
                MessageTypes.nameOf(message.getClass()),
                SchemaVersion.CURRENT,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                message);
    }

    public String encode(HkdMessage message) {
        return encode(wrap(message));
    }

    public String encode(Envelope envelope) {
        ObjectNode node = mapper.createObjectNode();
        node.put(TYPE, envelope.type());
        node.put(SCHEMA_VERSION, envelope.schemaVersion().toString());
        node.put(SENT_AT, envelope.sentAt().toString());
        node.setAll((ObjectNode) mapper.valueToTree(envelope.message()));
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + envelope.type(), e);
        }
    }

    /**
     * Decodes a message.
     *
     * @throws SchemaVersionUnsupportedException if the major version is not this receiver's
     * @throws MessageTypeUnknownException if the type is unknown
     * @throws MessageMalformedException if the text is not a message of its type
     */
    public Envelope decode(String json) {
        ObjectNode node = parseObject(json);
        SchemaVersion version = checkHeader(text(node, TYPE), text(node, SCHEMA_VERSION));
        String type = text(node, TYPE);
        Instant sentAt = parseInstant(text(node, SENT_AT));
        node.remove(TYPE);
        node.remove(SCHEMA_VERSION);
        node.remove(SENT_AT);
        try {
            return new Envelope(type, version, sentAt, mapper.treeToValue(node, MessageTypes.classOf(type)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MessageMalformedException("malformed " + type + ": " + rootMessage(e), e);
        }
    }

    /**
     * Checks the {@code type} and {@code schemaVersion} JMS properties before the body is parsed, so a
     * receiver can refuse a message cheaply; returns the parsed version.
     */
    public SchemaVersion checkHeader(String type, String schemaVersion) {
        SchemaVersion version = SchemaVersion.parse(schemaVersion);
        if (!version.readable()) {
            throw new SchemaVersionUnsupportedException(schemaVersion);
        }
        MessageTypes.classOf(type);
        return version;
    }

    private ObjectNode parseObject(String json) {
        JsonNode node;
        try {
            node = json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MessageMalformedException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MessageMalformedException("not a JSON object");
        }
        return object;
    }

    /**
     * Instants (command deadlines) travel as ISO-8601 text like {@code sentAt}; a tiny module instead of
     * jackson-datatype-jsr310 keeps the protocol jar's dependencies to jackson-databind alone.
     */
    private static SimpleModule instantsAsIsoText() {
        SimpleModule module = new SimpleModule("qvd-instants");
        module.addSerializer(Instant.class, new ToStringSerializer(Instant.class));
        module.addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
            @Override
            protected Instant _deserialize(String value, DeserializationContext context) {
                return Instant.parse(value);
            }
        });
        return module;
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static Instant parseInstant(String text) {
        if (text == null) {
            throw new MessageMalformedException("missing " + SENT_AT);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MessageMalformedException("bad " + SENT_AT + " '" + text + "'", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JsonProcessingException jpe
                ? jpe.getOriginalMessage()
                : String.valueOf(root.getMessage());
    }
}
