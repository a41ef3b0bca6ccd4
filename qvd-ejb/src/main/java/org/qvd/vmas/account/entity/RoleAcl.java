package org.qvd.vmas.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A role's grant ({@code positive}) or explicit denial of one ACL. */
@Entity
@Table(name = "role_acl")
@IdClass(RoleAcl.Key.class)
public class RoleAcl {

    /** Composite key (role, acl). */
    public static class Key implements Serializable {
        private Long role;
        private Long acl;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(role, k.role) && Objects.equals(acl, k.acl);
        }

        @Override
        public int hashCode() {
            return Objects.hash(role, acl);
        }
    }

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "role_id")
    private Role role;

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "acl_id")
    private Acl acl;

    @Column(name = "positive", nullable = false)
    private boolean positive;

    protected RoleAcl() {}

    RoleAcl(Role role, Acl acl, boolean positive) {
        this.role = role;
        this.acl = acl;
        this.positive = positive;
    }

    void setPositive(boolean positive) {
        this.positive = positive;
    }

    public Role getRole() {
        return role;
    }

    public Acl getAcl() {
        return acl;
    }

    public boolean isPositive() {
        return positive;
    }
}
