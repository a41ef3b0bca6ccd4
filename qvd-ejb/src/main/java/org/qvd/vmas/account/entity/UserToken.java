package org.qvd.vmas.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user's login token for {@code Authorization: Bearer} at the L7R (QVD's {@code user_tokens}). Only the SHA-256
 * of the token is kept: a database dump does not hand out logins.
 */
@Entity
@Table(name = "user_token")
@NamedQuery(
        name = UserToken.BY_HASH,
        query = "SELECT t FROM UserToken t JOIN FETCH t.user WHERE t.tokenHash IN :hashes")
@NamedQuery(name = UserToken.DELETE_EXPIRED, query = "DELETE FROM UserToken t WHERE t.expiresAt < :now")
public class UserToken {

    public static final String BY_HASH = "UserToken.byHash";
    public static final String DELETE_EXPIRED = "UserToken.deleteExpired";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private AppUser user;

    @Column(name = "multi_use", nullable = false)
    private boolean multiUse = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected UserToken() {}

    public UserToken(AppUser user, String tokenHash, Instant createdAt, Instant expiresAt) {
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token must expire after it is created");
        }
        this.user = user;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether it logs its user in at {@code now}: not expired, not used up, user and tenant not blocked. */
    public boolean admits(Instant now) {
        return now.isBefore(expiresAt) && (multiUse || lastUsedAt == null) && user.mayLogIn();
    }

    public void usedAt(Instant now) {
        this.lastUsedAt = now;
    }

    public Long getId() {
        return id;
    }

    public AppUser getUser() {
        return user;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
