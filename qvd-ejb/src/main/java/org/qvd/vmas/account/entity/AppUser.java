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

/** A person who owns VMs and logs in through a QVD client as {@code login@tenant}. */
@Entity
@Table(name = "app_user")
@NamedQuery(
        name = AppUser.BY_LOGIN,
        query = "SELECT u FROM AppUser u JOIN FETCH u.tenant WHERE u.login = :login AND u.tenant.name = :tenant")
@NamedQuery(
        name = AppUser.COUNT_BY_LOGIN,
        query = "SELECT COUNT(u) FROM AppUser u WHERE u.tenant.id = :tenantId AND u.login = :login")
public class AppUser {

    public static final String BY_LOGIN = "AppUser.byLogin";
    public static final String COUNT_BY_LOGIN = "AppUser.countByLogin";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @Column(name = "login", nullable = false, length = 64)
    private String login;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "description", length = 1024)
    private String description;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected AppUser() {}

    public AppUser(Tenant tenant, String login, String passwordHash, String description) {
        this.tenant = tenant;
        this.login = login;
        this.passwordHash = passwordHash;
        this.description = description;
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    public void describe(String text) {
        this.description = text;
    }

    public void block() {
        this.blocked = true;
    }

    public void unblock() {
        this.blocked = false;
    }

    /** Whether the user may log in: neither the user nor its tenant is blocked. */
    public boolean mayLogIn() {
        return !blocked && !tenant.isBlocked();
    }

    public Long getId() {
        return id;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public String getLogin() {
        return login;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDescription() {
        return description;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
