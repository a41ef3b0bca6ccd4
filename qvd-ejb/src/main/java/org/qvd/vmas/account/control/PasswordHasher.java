package org.qvd.vmas.account.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.platform.error.InvalidInputException;

/**
 * bcrypt ({@code $2a$}, a fresh random salt per hash) — the modular-crypt format Elytron's jdbc-realm
 * reads for administrators, and the same for users (never QVD's global salt).
 */
public final class PasswordHasher {

    public static final int DEFAULT_COST = 10;
    /** bcrypt uses at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;

    private static final BCrypt.Hasher HASHER =
            BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.strict(BCrypt.Version.VERSION_2A));
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2A);
    // verified against when the login is unknown, so that both cases cost one bcrypt check
    private static final String DUMMY = HASHER.hashToString(DEFAULT_COST, "no-such-user".toCharArray());

    private final int cost;

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    public PasswordHasher(int cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        check(password);
        return HASHER.hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        if (password == null || hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            burn();
            return false;
        }
        try {
            return VERIFYER.verify(password.toCharArray(), hash).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification; for unknown logins. */
    public void burn() {
        VERIFYER.verify("x".toCharArray(), DUMMY);
    }

    public static void check(String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException(AccountError.PASSWORD_INVALID, "the password must not be empty");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException(AccountError.PASSWORD_INVALID, "the password must be at most 72 bytes");
        }
    }
}
