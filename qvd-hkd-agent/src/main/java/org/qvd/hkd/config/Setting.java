package org.qvd.hkd.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configuration key: its name in {@code hkd.conf}, default, parser and description. Secrets are never
 * printed.
 */
public final class Setting<T> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final String key;
    private final String defaultText;
    private final Function<String, T> parser;
    private final String description;
    private final boolean secret;

    private Setting(String key, String defaultText, Function<String, T> parser, String description, boolean secret) {
        this.key = Objects.requireNonNull(key);
        this.defaultText = Objects.requireNonNull(defaultText);
        this.parser = parser;
        this.description = description;
        this.secret = secret;
    }

    public static Setting<String> text(String key, String defaultValue, String description) {
        return new Setting<>(key, defaultValue, s -> s, description, false);
    }

    public static Setting<String> secret(String key, String description) {
        return new Setting<>(key, "", s -> s, description, true);
    }

    public static Setting<Integer> integer(String key, int defaultValue, String description) {
        return new Setting<>(key, Integer.toString(defaultValue), Integer::valueOf, description, false);
    }

    public static Setting<Boolean> flag(String key, boolean defaultValue, String description) {
        return new Setting<>(key, Boolean.toString(defaultValue), Setting::parseBoolean, description, false);
    }

    public static Setting<Duration> duration(String key, String defaultValue, String description) {
        return new Setting<>(key, defaultValue, Setting::parseDuration, description, false);
    }

    public static Setting<List<String>> list(String key, String defaultValue, String description) {
        return new Setting<>(key, defaultValue, Setting::parseList, description, false);
    }

    public static Setting<String> choice(String key, String defaultValue, String description, String... allowed) {
        List<String> options = List.of(allowed);
        return new Setting<>(
                key,
                defaultValue,
                s -> {
                    if (!options.contains(s)) {
                        throw new IllegalArgumentException("expected one of " + options);
                    }
                    return s;
                },
                description,
                false);
    }

    public String key() {
        return key;
    }

    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    public boolean secret() {
        return secret;
    }

    /** The environment variable that overrides this key: {@code QVD_HKD_} + the key in upper case. */
    public String environmentVariable() {
        return "QVD_HKD_" + key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_");
    }

    /** Parses a raw value, naming the key in the error so an operator can find the bad line. */
    public T parse(String raw) {
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new ConfigInvalidException(key, raw, e.getMessage());
        }
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like 500ms, 5s, 2m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static List<String> parseList(String text) {
        return Arrays.stream(text.split("\\s*,\\s*(?![^()]*\\))"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return key;
    }
}
