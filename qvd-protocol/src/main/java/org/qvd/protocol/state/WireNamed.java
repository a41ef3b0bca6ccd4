package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A value of the state vocabulary with its lower-case name on the wire (JMS messages, notices, the database, JSON,
 * SOAP, metrics tags, the WAT's message keys). Java code compares the enums; only a boundary writes the name.
 */
public interface WireNamed {

    /** The constant's name, as every enum has it. */
    String name();

    /**
     * The lower-case name used on the wire, in the database and in the APIs: the constant's name in lower case, so
     * that each vocabulary is one list of constants (StateWireNamesTest pins every name, since renaming a constant
     * renames it on the wire).
     */
    @JsonValue
    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every wire name of the vocabulary, in the enum's order: what lists, charts and gauges show. */
    static <E extends Enum<E> & WireNamed> List<String> names(Class<E> vocabulary) {
        return Stream.of(vocabulary.getEnumConstants()).map(WireNamed::wireName).toList();
    }

    /** The same counts keyed by wire name, in the map's order (for JSON and tags). */
    static <V> Map<String, V> byName(Map<? extends WireNamed, V> byValue) {
        Map<String, V> named = new LinkedHashMap<>();
        byValue.forEach((value, v) -> named.put(value.wireName(), v));
        return named;
    }

    /**
     * The value of {@code vocabulary} named {@code wireName}; an unknown name is a caller error, reported with the
     * valid names ({@code what} says what was expected, e.g. {@code VmState}).
     */
    static <E extends Enum<E> & WireNamed> E fromWire(Class<E> vocabulary, String what, String wireName) {
        for (E value : vocabulary.getEnumConstants()) {
            if (value.wireName().equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "unknown " + what + " '" + wireName + "', expected one of " + names(vocabulary));
    }

    /** The wire name of a value that may be absent. */
    static String nameOf(WireNamed value) {
        return value == null ? null : value.wireName();
    }
}
