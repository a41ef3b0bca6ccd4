package org.qvd.vmas.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.qvd.vmas.account.boundary.RoleRequests.NewRole;
import org.qvd.vmas.account.boundary.RoleRequests.RoleFilter;
import org.qvd.vmas.account.boundary.RoleRequests.RoleUpdate;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.Acl;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.platform.list.ListQuery;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/**
 * Roles and their ACLs (grant, deny, forget) and inheritance. The fixed roles of tenant '*' (Root,
 * Tenant Admin, Operator, Reader) are shared by every tenant and cannot be changed.
 */
@Stateless
@RequiresAcl
public class RoleService {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "tenant", "tenant.name");

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @RequiresAcl("role.see")
    public List<AclDto> acls() {
        return em.createNamedQuery(Acl.ALL, Acl.class).getResultList().stream()
                .map(AclDto::of)
                .toList();
    }

    @RequiresAcl("role.create")
    @Audited(value = "role.create", objectType = "role")
    public RoleDto create(@NotNull @Valid NewRole request) {
        long tenantId = CurrentCaller.get().owningTenant(request.tenantId());
        Tenant tenant = Scoped.find(em, Tenant.class, tenantId, Tenant::getId, PlatformError.TENANT_NOT_FOUND);
        requireFreeName(tenantId, request.name());
        Role role = new Role(tenant, request.name(), request.description());
        em.persist(role);
        return RoleDto.of(role);
    }

    @RequiresAcl("role.see")
    public RoleDto get(@NotNull Long id) {
        return RoleDto.of(visibleRole(em, id));
    }

    @RequiresAcl("role.see")
    public Page<RoleDto> list(RoleFilter filter, @NotNull PageRequest page) {
        RoleFilter f = filter == null ? RoleFilter.any() : filter;
        Caller caller = CurrentCaller.get();
        Long scope = caller.listScope(f.tenantId());
        return ListQuery.page(
                em,
                Role.class,
                page,
                SORTABLE,
                where -> {
                    if (scope != null) { // the tenant's own roles and the fixed roles every tenant can grant
                        where.condition(
                                "e.tenant.id = :scope OR (e.tenant.id = :supertenant AND e.fixed = TRUE)",
                                Map.of("scope", scope, "supertenant", Tenant.SUPERTENANT_ID));
                    }
                    where.contains("name", f.name());
                },
                RoleDto::of);
    }

    @RequiresAcl("role.update")
    @Audited(value = "role.update", objectType = "role")
    public RoleDto update(@NotNull Long id, @NotNull @Valid RoleUpdate update) {
        Role role = ownRole(id);
        String name = update.name() == null ? role.getName() : update.name();
        if (!name.equals(role.getName())) {
            requireFreeName(role.getTenant().getId(), name);
        }
        role.rename(name, update.description() == null ? role.getDescription() : update.description());
        return RoleDto.of(role);
    }

    @RequiresAcl("role.update")
    @Audited(value = "role.grant", objectType = "role")
    public RoleDto grant(@NotNull Long id, @NotBlank String acl) {
        return withAcl(id, acl, Role::grant);
    }

    @RequiresAcl("role.update")
    @Audited(value = "role.deny", objectType = "role")
    public RoleDto deny(@NotNull Long id, @NotBlank String acl) {
        return withAcl(id, acl, Role::deny);
    }

    @RequiresAcl("role.update")
    @Audited(value = "role.forget", objectType = "role")
    public RoleDto forget(@NotNull Long id, @NotBlank String acl) {
        return withAcl(id, acl, Role::forget);
    }

    @RequiresAcl("role.update")
    @Audited(value = "role.inherit", objectType = "role")
    public RoleDto inherit(@NotNull Long id, @NotNull Long inheritedId) {
        Role role = ownRole(id);
        role.inherit(visibleRole(em, inheritedId));
        return RoleDto.of(role);
    }

    @RequiresAcl("role.update")
    @Audited(value = "role.disinherit", objectType = "role")
    public RoleDto disinherit(@NotNull Long id, @NotNull Long inheritedId) {
        Role role = ownRole(id);
        role.disinherit(visibleRole(em, inheritedId));
        return RoleDto.of(role);
    }

    /** Deletes a role; its assignments and inheritance links go with it. */
    @RequiresAcl("role.delete")
    @Audited(value = "role.delete", objectType = "role")
    public void delete(@NotNull Long id) {
        Role role = ownRole(id);
        role.checkDeletable();
        for (Role inheritor : em.createNamedQuery(Role.INHERITORS, Role.class)
                .setParameter("roleId", id)
                .getResultList()) {
            inheritor.disinherit(role);
        }
        em.createNativeQuery("DELETE FROM administrator_role WHERE role_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        em.remove(role);
    }

    /** A role the caller may see or assign: its tenant's roles plus the shared fixed roles. */
    public static Role visibleRole(EntityManager em, Long id) {
        Role role = id == null ? null : em.find(Role.class, id);
        Caller caller = CurrentCaller.get();
        boolean shared = role != null && role.isFixed() && role.getTenant().getId() == Tenant.SUPERTENANT_ID;
        if (role == null || !(shared || caller.sees(role.getTenant().getId()))) {
            throw new NotFoundException(AccountError.ROLE_NOT_FOUND, id);
        }
        return role;
    }

    private Role ownRole(Long id) {
        return Scoped.find(em, Role.class, id, r -> r.getTenant().getId(), AccountError.ROLE_NOT_FOUND);
    }

    private RoleDto withAcl(Long id, String aclName, BiConsumer<Role, Acl> change) {
        Role role = ownRole(id);
        List<Acl> acls = em.createNamedQuery(Acl.BY_NAMES, Acl.class)
                .setParameter("names", List.of(aclName))
                .getResultList();
        if (acls.isEmpty()) {
            throw new NotFoundException(AccountError.ACL_NOT_FOUND, aclName);
        }
        change.accept(role, acls.get(0));
        return RoleDto.of(role);
    }

    private void requireFreeName(long tenantId, String name) {
        if (!em.createNamedQuery(Role.BY_TENANT_AND_NAME, Role.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .getResultList()
                .isEmpty()) {
            throw new ConflictException(
                    AccountError.ROLE_DUPLICATE, "a role named '" + name + "' exists in this tenant");
        }
    }
}
