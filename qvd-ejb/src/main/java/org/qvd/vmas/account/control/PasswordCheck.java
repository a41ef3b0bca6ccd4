package org.qvd.vmas.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.qvd.vmas.directory.control.DirectoryPasswords;
import org.qvd.vmas.directory.entity.DirectoryUser;

/**
 * THE place where the VMAS checks a password, for users (the L7R's Basic, {@code create_auth_token}) and
 * administrators (REST, WAT and SOAP Basic) alike; nothing else verifies one. A directory (LDAP) hooks in at
 * {@link #slowCheck}.
 *
 * <p><b>Hash and cost.</b> Stored passwords are bcrypt ({@code $2a$}, cost {@value PasswordHasher#DEFAULT_COST}, a
 * random salt per hash; {@link PasswordHasher}): the modular-crypt format Elytron reads, ~80 ms of one core per check
 * on the machines QVD runs on (43 ms on the benchmark machine), which makes an offline guess of a stolen hash cost
 * as much; QVD 4 used one salted SHA-256 for all users, which a GPU tries by the billion. The price is paid once per
 * user per {@link VerifiedCredentials} expiry: a returning user (QVD's legacy clients send Basic on every request)
 * is answered from that cache — a keyed digest bound to the stored hash, never the password — and slow checks pass
 * a fair gate of one per core, so a logon storm costs the hash checks and little else (bench/README.md).
 */
@ApplicationScoped
public class PasswordCheck {

    /** What kind of account a password belongs to. */
    public enum Kind {
        USER,
        ADMIN
    }

    /**
     * Whose password is checked: {@code login} as typed (for a directory; never logged with the password),
     * {@code storedHash} what the account stores (null or blank: none).
     */
    public record Account(Kind kind, long id, String login, String storedHash) {
        String cacheKey() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
        }
    }

    /** The bind of a directory user (h-identity); absent when made by hand (unit tests). */
    @Inject
    DirectoryPasswords directory;

    private final PasswordHasher hasher;
    private final VerifiedCredentials cache;

    public PasswordCheck() {
        this(new PasswordHasher(), VerifiedCredentials.shared());
    }

    public PasswordCheck(PasswordHasher hasher, VerifiedCredentials cache) {
        this.hasher = hasher;
        this.cache = cache;
    }

    /**
     * True when {@code password} is the account's. A null {@code account} (unknown login), a blank password or an
     * account without a stored hash costs one hash check all the same and is false, so that a refusal takes the same
     * time whatever its reason. Whether the account may log in (blocked user, tenant, administrator) is the caller's
     * to check, from the database, on every login.
     */
    public boolean verify(Account account, String password) {
        if (account == null || password == null || password.isEmpty()) {
            hasher.burn();
            return false;
        }
        String stored = account.storedHash() == null ? "" : account.storedHash();
        return cache.verify(account.cacheKey(), stored, password, (p, h) -> slowCheck(account, p));
    }

    /** Forgets what the cache remembers for the account: call on a password change, a block or a delete. */
    public void forget(Kind kind, long id) {
        cache.forget(new Account(kind, id, null, null).cacheKey());
    }

    /** The check behind the cache: bcrypt against the stored hash, or a bind as a directory user's entry. */
    protected boolean slowCheck(Account account, String password) {
        if (directory != null && DirectoryUser.NO_LOCAL_PASSWORD.equals(account.storedHash())) {
            return directory.check(account.id(), password);
        }
        if (account.storedHash() == null || account.storedHash().isBlank()) {
            hasher.burn();
            return false;
        }
        return hasher.verify(password, account.storedHash());
    }
}
