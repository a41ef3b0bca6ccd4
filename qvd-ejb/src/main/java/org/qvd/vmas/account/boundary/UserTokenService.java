package org.qvd.vmas.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.qvd.vmas.account.control.TokenDigest;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.account.entity.UserToken;
import org.qvd.vmas.directory.boundary.DirectoryLogins;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.guard.SystemCall;

/**
 * User tokens for the L7R (QVD's {@code create_auth_token} and {@code Authorization: Bearer}): multi-use until they
 * expire. Only their SHA-256 is stored; neither the token nor a candidate is ever logged or audited.
 */
@Stateless
@SystemCall
public class UserTokenService {

    /** QVD's lifetime of a {@code create_auth_token} token. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(24);

    private static final Duration LONGEST_VALIDITY = Duration.ofDays(366);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    DirectoryLogins directories;

    /** A new token for the user, valid for {@code validity}; expired tokens of every user are purged on the way. */
    @Audited(value = "user.token.create", objectType = "user")
    public IssuedTokenDto create(long userId, @NotNull Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_VALIDITY) > 0) {
            throw new InvalidInputException(
                    AccountError.TOKEN_VALIDITY, "a token's validity must be between 1 s and 366 days");
        }
        AppUser user = em.find(AppUser.class, userId);
        if (user == null) {
            throw new NotFoundException(AccountError.USER_NOT_FOUND, userId);
        }
        Instant now = Instant.now();
        em.createNamedQuery(UserToken.DELETE_EXPIRED).setParameter("now", now).executeUpdate();
        String token = TokenDigest.newToken(RANDOM);
        UserToken row = new UserToken(user, TokenDigest.hash(token), now, now.plus(validity));
        em.persist(row);
        em.flush(); // the id is the auth_params_id of QVD's answer
        return new IssuedTokenDto(row.getId(), token, row.getExpiresAt());
    }

    /**
     * The user a token logs in. {@code candidates}: the forms the client may have sent it in (the Perl CLI sends
     * base64(token), GUIs the token itself); the first valid one wins.
     *
     * @throws AuthenticationFailedException for an unknown or expired token, or a blocked user or tenant
     */
    public UserDto authenticate(@NotNull List<String> candidates) {
        Set<String> hashes = new LinkedHashSet<>();
        candidates.stream()
                .filter(c -> c != null && !c.isEmpty() && c.length() <= 512)
                .forEach(c -> hashes.add(TokenDigest.hash(c)));
        if (hashes.isEmpty()) {
            throw new AuthenticationFailedException();
        }
        Instant now = Instant.now();
        UserToken token = em.createNamedQuery(UserToken.BY_HASH, UserToken.class)
                .setParameter("hashes", hashes)
                .getResultStream()
                .filter(t -> t.admits(now))
                .findFirst()
                .orElseThrow(AuthenticationFailedException::new);
        if (token.getUser().getTenant().getId() == Tenant.SUPERTENANT_ID) {
            throw new AuthenticationFailedException();
        }
        directories.recheck(token.getUser());
        token.usedAt(now);
        return UserDto.of(token.getUser());
    }
}
