package org.qvd.vmas.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.qvd.vmas.platform.error.InvalidInputException;

/** Someone who administers through the WAT, the API or the CLI; logs in as {@code name@tenant}. */
@Entity
@Table(name = "administrator")
@NamedQuery(
        name = Administrator.BY_LOGIN,
        query = "SELECT a FROM Administrator a JOIN FETCH a.tenant WHERE a.name = :name AND a.tenant.name = :tenant")
@NamedQuery(
        name = Administrator.TOKEN_STATE,
        query = "SELECT a.blocked, t.blocked, a.credentialsChangedAt FROM Administrator a JOIN a.tenant t "
                + "WHERE a.name = :name AND t.name = :tenant")
@NamedQuery(name = Administrator.COUNT, query = "SELECT COUNT(a) FROM Administrator a")
@NamedQuery(
        name = Administrator.COUNT_BY_NAME,
        query = "SELECT COUNT(a) FROM Administrator a WHERE a.tenant.id = :tenantId AND a.name = :name")
@NamedQuery(
        name = Administrator.HOLDING_ROLE,
        query = "SELECT COUNT(a) FROM Administrator a JOIN a.roles r WHERE r.id = :roleId")
public class Administrator extends Account {

    public static final String BY_LOGIN = "Administrator.byLogin";
    public static final String COUNT = "Administrator.count";
    /** What {@link #acceptsToken} reads (blocked, tenant blocked, credentials changed at), without loading entities. */
    public static final String TOKEN_STATE = "Administrator.tokenState";

    public static final String COUNT_BY_NAME = "Administrator.countByName";
    public static final String HOLDING_ROLE = "Administrator.holdingRole";

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    /** Bearer tokens issued before this instant are void (password changed, or blocked). */
    @Column(name = "credentials_changed_at")
    private Instant credentialsChangedAt;

    @ManyToMany
    @JoinTable(
            name = "administrator_role",
            joinColumns = @JoinColumn(name = "administrator_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new LinkedHashSet<>();

    protected Administrator() {}

    public Administrator(Tenant tenant, String name, String passwordHash, String description) {
        super(tenant, passwordHash, description);
        this.name = name;
    }

    /**
     * Assigns a role: one of the admin's own tenant, or a fixed role shared by all tenants; Root
     * (every ACL, tenant management included) only to superadmins.
     */
    public void assign(Role role) {
        long roleTenant = role.getTenant().getId();
        Tenant tenant = getTenant();
        if (roleTenant != Tenant.SUPERTENANT_ID && roleTenant != tenant.getId()) {
            throw new InvalidInputException(
                    AccountError.ROLE_OTHER_TENANT, "role '" + role.getName() + "' belongs to another tenant");
        }
        if (roleTenant == Tenant.SUPERTENANT_ID && !role.isFixed() && !tenant.isSupertenant()) {
            throw new InvalidInputException(
                    AccountError.ROLE_OTHER_TENANT, "role '" + role.getName() + "' belongs to tenant '*'");
        }
        if (Role.ROOT.equals(role.getName()) && roleTenant == Tenant.SUPERTENANT_ID && !tenant.isSupertenant()) {
            throw new InvalidInputException(
                    AccountError.ROLE_ROOT_SUPERADMIN_ONLY, "only superadministrators may hold Root");
        }
        roles.add(role);
    }

    public void unassign(Role role) {
        roles.remove(role);
    }

    /** The union of the effective ACLs of every role the admin holds. */
    public Set<String> effectiveAcls() {
        Set<String> all = new TreeSet<>();
        roles.forEach(r -> all.addAll(r.effectiveAcls()));
        return all;
    }

    /** Also voids the bearer tokens issued so far. */
    @Override
    public void changePasswordHash(String hash) {
        super.changePasswordHash(hash);
        this.credentialsChangedAt = Instant.now();
    }

    /** Blocks the administrator; tokens issued so far stay void even after an unblock. */
    @Override
    public void block() {
        super.block();
        this.credentialsChangedAt = Instant.now();
    }

    /** Whether a bearer token issued at {@code issuedAt} is still good for this administrator. */
    public boolean acceptsTokenIssuedAt(Instant issuedAt) {
        return acceptsToken(isBlocked(), getTenant().isBlocked(), credentialsChangedAt, issuedAt);
    }

    /** The same rule over the columns alone ({@link #TOKEN_STATE}): checked on every API and WAT request. */
    public static boolean acceptsToken(
            boolean blocked, boolean tenantBlocked, Instant credentialsChangedAt, Instant issuedAt) {
        return !blocked && !tenantBlocked && (credentialsChangedAt == null || issuedAt.isAfter(credentialsChangedAt));
    }

    public String getName() {
        return name;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }
}
