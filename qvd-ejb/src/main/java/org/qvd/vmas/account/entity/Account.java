package org.qvd.vmas.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What an administrator and a user share: a tenant, a bcrypt password hash, a description, a block and a creation
 * time, in columns of the same names in both tables ({@code administrator}, {@code app_user}). The login name is each
 * kind's own ({@code name} vs {@code login}: different attributes in queries, the REST API and the WSDL).
 */
@MappedSuperclass
public abstract class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "description", length = 1024)
    private String description;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected Account() {}

    protected Account(Tenant tenant, String passwordHash, String description) {
        this.tenant = tenant;
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

    public Long getId() {
        return id;
    }

    public Tenant getTenant() {
        return tenant;
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
