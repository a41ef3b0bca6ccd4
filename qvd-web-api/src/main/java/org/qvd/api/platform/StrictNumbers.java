package org.qvd.api.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * JSON-B as the API reads bodies, except that a number which does not fit its field is refused instead of
 * wrapping around: by default {@code "memoryMb": 4294967808} arrives as 512 and {@code 1000000000000} as a
 * negative number. Integers and longs must be whole and in range, else {@code 400 request.malformed}.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class StrictNumbers implements ContextResolver<Jsonb> {

    private final Jsonb jsonb =
            JsonbBuilder.create(new JsonbConfig().withDeserializers(new IntegerDeserializer(), new LongDeserializer()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** A number that does not fit; its message is safe to show (it names no client input). */
    static final class OutOfRange extends JsonbException {
        OutOfRange(String what) {
            super("a number in the request is not a whole number within the range of " + what);
        }
    }

    /** The number at the parser, or null for JSON null (a field that may be left out). */
    static BigDecimal number(JsonParser parser, String what) {
        JsonValue value;
        try {
            value = parser.getValue();
        } catch (RuntimeException e) {
            return parser.getBigDecimal();
        }
        if (value instanceof JsonNumber n) {
            return n.bigDecimalValue();
        }
        if (value instanceof JsonString s) {
            try {
                return new BigDecimal(s.getString().trim()); // "512", as JSON-B accepts by default
            } catch (NumberFormatException e) {
                throw new OutOfRange(what);
            }
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        throw new OutOfRange(what);
    }

    static final class IntegerDeserializer implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            try {
                BigDecimal n = number(parser, "a 32-bit integer");
                return n == null ? null : n.intValueExact();
            } catch (ArithmeticException e) {
                throw new OutOfRange("a 32-bit integer");
            }
        }
    }

    static final class LongDeserializer implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            try {
                BigDecimal n = number(parser, "a 64-bit integer");
                return n == null ? null : n.longValueExact();
            } catch (ArithmeticException e) {
                throw new OutOfRange("a 64-bit integer");
            }
        }
    }
}
