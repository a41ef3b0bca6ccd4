package org.qvd.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the run command can be told, from environment variables (documented in docs/configuration.md).
 * An external PostgreSQL is used when {@code QVD_DB_URL} is set; otherwise an embedded one keeps its data
 * under {@code QVD_HOME/postgres}. {@code QVD_PORT_OFFSET} shifts every WildFly port (a second system beside
 * a running one, as the system tests do).
 */
public record LauncherConfig(
        Path home,
        Path wildflyHome,
        Path ear,
        Optional<String> externalDbUrl,
        String dbUser,
        String dbPassword,
        int embeddedDbPort,
        Optional<String> superadminPassword,
        int httpsPort,
        int l7rPort,
        int portOffset,
        int startTimeoutSeconds) {

    public static LauncherConfig fromEnvironment(Map<String, String> env) {
        Path root = Path.of(env.getOrDefault("QVD_SOURCE_ROOT", ".")).toAbsolutePath().normalize();
        return new LauncherConfig(
                Path.of(env.getOrDefault("QVD_HOME", root.resolve("data").toString())).toAbsolutePath(),
                Path.of(env.getOrDefault("QVD_WILDFLY_HOME", root.resolve("qvd-wildfly/target/wildfly").toString())),
                Path.of(env.getOrDefault("QVD_EAR", root.resolve("qvd-ear/target/qvd.ear").toString())),
                Optional.ofNullable(env.get("QVD_DB_URL")).filter(s -> !s.isBlank()),
                env.getOrDefault("QVD_DB_USER", "postgres"),
                env.getOrDefault("QVD_DB_PASSWORD", "postgres"),
                intValue(env, "QVD_PG_PORT", 15432),
                Optional.ofNullable(env.get("QVD_SUPERADMIN_PASSWORD")).filter(s -> !s.isBlank()),
                intValue(env, "QVD_HTTPS_PORT", 9443),
                intValue(env, "QVD_L7R_PORT", 8443),
                intValue(env, "QVD_PORT_OFFSET", 0),
                intValue(env, "QVD_START_TIMEOUT", 300));
    }

    /** A port as clients see it: WildFly adds the socket-binding offset to every configured port. */
    public int effective(int port) {
        return port + portOffset;
    }

    private static int intValue(Map<String, String> env, String key, int fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LauncherException(key + " must be a number, got '" + value + "'");
        }
    }
}
