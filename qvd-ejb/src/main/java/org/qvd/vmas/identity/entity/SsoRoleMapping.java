package org.qvd.vmas.identity.entity;

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
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.Tenant;

/**
 * One rule of single sign-on: an identity provider's token whose claim {@link #getClaim()} holds
 * {@link #getClaimValue()} (a string, or one of a list such as {@code groups}) makes its bearer an administrator of
 * {@link #getTenant()} holding {@link #getRole()}.
 */
@Entity
@Table(name = "sso_role_mapping")
@NamedQuery(
        name = SsoRoleMapping.ALL,
        query = "SELECT m FROM SsoRoleMapping m JOIN FETCH m.tenant JOIN FETCH m.role ORDER BY m.id")
@NamedQuery(
        name = SsoRoleMapping.FOR_CLAIMS,
        query = "SELECT m FROM SsoRoleMapping m JOIN FETCH m.tenant JOIN FETCH m.role WHERE m.claim IN :claims")
public class SsoRoleMapping {

    public static final String ALL = "SsoRoleMapping.all";
    public static final String FOR_CLAIMS = "SsoRoleMapping.forClaims";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @Column(name = "claim", nullable = false, length = 64)
    private String claim;

    @Column(name = "claim_value", nullable = false, length = 255)
    private String claimValue;

    @ManyToOne(optional = false)
    @JoinColumn(name = "role_id")
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected SsoRoleMapping() {}

    public SsoRoleMapping(Tenant tenant, String claim, String claimValue, Role role) {
        this.tenant = tenant;
        this.claim = claim;
        this.claimValue = claimValue;
        this.role = role;
    }

    public Long getId() {
        return id;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public String getClaim() {
        return claim;
    }

    public String getClaimValue() {
        return claimValue;
    }

    public Role getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
