package org.qvd.vmas.platform;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one way the server process (VMAS, L7R, browser desktop; the REST API injects the same values) reads its
 * settings outside the database: MicroProfile Config, i.e. the system property, else the environment variable of
 * MicroProfile's name mapping ({@code qvd.images.dir} → {@code QVD_IMAGES_DIR}). Every key is documented in
 * docs/configuration.md. A blank value counts as unset. Values are read when asked, so classes that only need them
 * in the server can be built in unit tests without a MicroProfile Config implementation.
 */
public final class ServerConfig {

    private ServerConfig() {}

    /** The value of {@code key} as given (a password may start or end with a blank), unless blank. */
    public static Optional<String> text(String key) {
        return ConfigProvider.getConfig(ServerConfig.class.getClassLoader())
                .getOptionalValue(key, String.class)
                .filter(v -> !v.isBlank());
    }

    public static String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    /** A whole number of seconds (negative: 0); anything else is the fallback. */
    public static Duration seconds(String key, Duration fallback) {
        return text(key)
                .map(v -> {
                    try {
                        return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
                    } catch (NumberFormatException e) {
                        return fallback;
                    }
                })
                .orElse(fallback);
    }

    /** {@code false} only when set to {@code false} (any case). */
    public static boolean enabled(String key) {
        return !"false".equalsIgnoreCase(text(key, "true"));
    }
}
