package org.qvd.vmas.account.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.InvalidStateException;

/**
 * A named set of ACLs. A role inherits the effective ACLs of other roles, adds its own grants and
 * removes its explicit denials. Fixed (seeded) roles cannot be changed.
 */
@Entity
@Table(name = "role")
@NamedQuery(
        name = Role.BY_TENANT_AND_NAME,
        query = "SELECT r FROM Role r WHERE r.tenant.id = :tenantId AND r.name = :name")
@NamedQuery(name = Role.INHERITORS, query = "SELECT r FROM Role r JOIN r.inherits i WHERE i.id = :roleId")
public class Role {

    public static final String BY_TENANT_AND_NAME = "Role.byTenantAndName";
    public static final String INHERITORS = "Role.inheritors";
    public static final String ROOT = "Root";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "description", length = 1024)
    private String description;

    @Column(name = "fixed", nullable = false)
    private boolean fixed;

    @ManyToMany
    @JoinTable(
            name = "role_inheritance",
            joinColumns = @JoinColumn(name = "role_id"),
            inverseJoinColumns = @JoinColumn(name = "inherited_id"))
    private Set<Role> inherits = new LinkedHashSet<>();

    @OneToMany(mappedBy = "role", cascade = CascadeType.ALL, orphanRemoval = true)
    private Set<RoleAcl> acls = new LinkedHashSet<>();

    protected Role() {}

    public Role(Tenant tenant, String name, String description) {
        this.tenant = tenant;
        this.name = name;
        this.description = description;
    }

    private void checkMutable() {
        if (fixed) {
            throw new InvalidStateException(
                    AccountError.ROLE_FIXED, "role '" + name + "' is fixed and cannot be changed");
        }
    }

    public void rename(String newName, String newDescription) {
        checkMutable();
        this.name = newName;
        this.description = newDescription;
    }

    /** Grants the ACL (replacing a denial of it). */
    public void grant(Acl acl) {
        set(acl, true);
    }

    /** Denies the ACL even if an inherited role grants it. */
    public void deny(Acl acl) {
        set(acl, false);
    }

    private void set(Acl acl, boolean positive) {
        checkMutable();
        for (RoleAcl ra : acls) {
            if (ra.getAcl().getName().equals(acl.getName())) {
                ra.setPositive(positive);
                return;
            }
        }
        acls.add(new RoleAcl(this, acl, positive));
    }

    /** Drops this role's own grant or denial of the ACL (inheritance decides again). */
    public void forget(Acl acl) {
        checkMutable();
        acls.removeIf(ra -> ra.getAcl().getName().equals(acl.getName()));
    }

    /** Inherits another role; refused when it would create a cycle. */
    public void inherit(Role other) {
        checkMutable();
        if (other.isRoot() && !tenant.isSupertenant()) {
            // inheriting Root would hand a tenant's administrators every ACL, which assigning it refuses
            throw new InvalidInputException(
                    AccountError.ROLE_ROOT_SUPERADMIN_ONLY, "only roles of tenant '*' may inherit Root");
        }
        if (other == this || other.reaches(this)) {
            throw new InvalidInputException(
                    AccountError.ROLE_CYCLE,
                    "role '" + name + "' cannot inherit '" + other.name + "': inheritance would loop");
        }
        inherits.add(other);
    }

    public void disinherit(Role other) {
        checkMutable();
        inherits.remove(other);
    }

    /** Whether this role inherits {@code target}, directly or through other roles. */
    boolean reaches(Role target) {
        Deque<Role> todo = new ArrayDeque<>(inherits);
        Set<Role> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Role r = todo.pop();
            if (r == target) {
                return true;
            }
            if (seen.add(r)) {
                todo.addAll(r.inherits);
            }
        }
        return false;
    }

    /** (effective ACLs of every inherited role ∪ own grants) − own denials. */
    public Set<String> effectiveAcls() {
        return effectiveAcls(new HashSet<>());
    }

    private Set<String> effectiveAcls(Set<Role> path) {
        Set<String> result = new TreeSet<>();
        if (!path.add(this)) {
            return result; // a loop in stored data: ignore the repeated role rather than recurse forever
        }
        for (Role parent : inherits) {
            result.addAll(parent.effectiveAcls(path));
        }
        path.remove(this);
        for (RoleAcl ra : acls) {
            if (ra.isPositive()) {
                result.add(ra.getAcl().getName());
            }
        }
        for (RoleAcl ra : acls) {
            if (!ra.isPositive()) {
                result.remove(ra.getAcl().getName());
            }
        }
        return result;
    }

    public void checkDeletable() {
        checkMutable();
    }

    /** Marks a role as fixed (used for seeded roles and in tests). */
    public void fix() {
        this.fixed = true;
    }

    public Long getId() {
        return id;
    }

    public Tenant getTenant() {
        return tenant;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    /** The fixed role of tenant '*' holding every ACL. */
    public boolean isRoot() {
        return fixed && ROOT.equals(name) && tenant.isSupertenant();
    }

    public boolean isFixed() {
        return fixed;
    }

    public Set<Role> getInherits() {
        return Set.copyOf(inherits);
    }

    public Set<String> grantedAcls() {
        Set<String> s = new TreeSet<>();
        acls.stream()
                .filter(RoleAcl::isPositive)
                .forEach(ra -> s.add(ra.getAcl().getName()));
        return s;
    }

    public Set<String> deniedAcls() {
        Set<String> s = new TreeSet<>();
        acls.stream()
                .filter(ra -> !ra.isPositive())
                .forEach(ra -> s.add(ra.getAcl().getName()));
        return s;
    }
}
