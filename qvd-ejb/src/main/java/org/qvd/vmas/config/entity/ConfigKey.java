package org.qvd.vmas.config.entity;

import java.util.Objects;
import java.util.function.Function;
import org.qvd.vmas.platform.error.InvalidInputException;

/**
 * A typed configuration key with its built-in default. Each component declares its own keys as
 * constants and lists them in a {@code ConfigKeyProvider}; there is no central key enum.
 */
public record ConfigKey<T>(String name, Class<T> type, T defaultValue, String description, Function<String, T> parser) {

    public ConfigKey {
        Objects.requireNonNull(name);
        Objects.requireNonNull(parser);
    }

    public static ConfigKey<String> string(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, String.class, defaultValue, description, s -> s);
    }

    public static ConfigKey<Integer> integer(String name, Integer defaultValue, String description) {
        return new ConfigKey<>(name, Integer.class, defaultValue, description, Integer::valueOf);
    }

    public static ConfigKey<Boolean> bool(String name, Boolean defaultValue, String description) {
        return new ConfigKey<>(name, Boolean.class, defaultValue, description, ConfigKey::parseBoolean);
    }

    /** Parses a stored value; a value of the wrong type is refused. */
    public T parse(String raw) {
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new InvalidInputException(
                    ConfigError.INVALID_VALUE, "'" + raw + "' is not a valid " + type.getSimpleName() + " for " + name);
        }
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> Boolean.TRUE;
            case "0", "false", "no", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        };
    }
}
