package org.qvd.vmas.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.qvd.vmas.platform.error.InvalidStateException;

/** An isolated organisation. Id 0 ({@code *}) holds the superadmins and cannot be changed or deleted. */
@Entity
@Table(name = "tenant")
@NamedQuery(name = Tenant.BY_NAME, query = "SELECT t FROM Tenant t WHERE t.name = :name")
public class Tenant {

    public static final String BY_NAME = "Tenant.byName";
    public static final long SUPERTENANT_ID = 0L;
    public static final long DEFAULT_TENANT_ID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "description", length = 1024)
    private String description;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected Tenant() {}

    public Tenant(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public boolean isSupertenant() {
        return id != null && id == SUPERTENANT_ID;
    }

    private void refuseOnSupertenant(String what) {
        if (isSupertenant()) {
            throw new InvalidStateException(AccountError.TENANT_FIXED, "the superadmin tenant '*' cannot be " + what);
        }
    }

    public void rename(String newName) {
        refuseOnSupertenant("renamed");
        this.name = newName;
    }

    public void block() {
        refuseOnSupertenant("blocked");
        this.blocked = true;
    }

    public void unblock() {
        this.blocked = false;
    }

    /** Checks that the tenant may be deleted (not '*', not the default tenant). */
    public void checkDeletable() {
        refuseOnSupertenant("deleted");
        if (id != null && id == DEFAULT_TENANT_ID) {
            throw new InvalidStateException(AccountError.TENANT_FIXED, "the default tenant cannot be deleted");
        }
    }

    public void describe(String text) {
        this.description = text;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
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
