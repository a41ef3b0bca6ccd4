package org.qvd.vmas.platform;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;
import org.qvd.vmas.platform.error.ErrorCode;
import org.qvd.vmas.platform.error.InvalidInputException;

/** Stores an enum as its lower-case name (the names QVD uses, e.g. {@code running}). */
public abstract class WireEnumConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }

    /** Parses a wire name (any case); unknown names are refused as invalid input, with the code {@code invalid}. */
    public static <E extends Enum<E>> E parse(Class<E> type, ErrorCode invalid, String name) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(invalid, "unknown " + type.getSimpleName() + " '" + name + "'");
        }
    }
}
