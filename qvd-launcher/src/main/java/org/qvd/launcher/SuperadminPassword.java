package org.qvd.launcher;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Decides the password the VMAS gives the first superadmin. There is no fixed default: while the
 * database holds no administrator, the operator's QVD_SUPERADMIN_PASSWORD is used or a random one is
 * generated and printed once. Once an administrator exists, nothing is passed on.
 */
final class SuperadminPassword {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Decision(String password, boolean generated) {}

    private SuperadminPassword() {}

    static Optional<Decision> decide(String jdbcUrl, String user, String password, Optional<String> given) {
        if (administratorExists(jdbcUrl, user, password)) {
            return Optional.empty();
        }
        return Optional.of(given.map(p -> new Decision(p, false)).orElseGet(() -> new Decision(generate(20), true)));
    }

    static String generate(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static boolean administratorExists(String jdbcUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                ResultSet rs = c.getMetaData().getTables(null, null, "administrator", null)) {
            if (!rs.next()) {
                return false;
            }
            try (ResultSet count = c.createStatement().executeQuery("SELECT count(*) FROM administrator")) {
                return count.next() && count.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new LauncherException("cannot reach the database at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }
}
