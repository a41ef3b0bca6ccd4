package org.qvd.vmas.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Objects;
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorFilter;
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorUpdate;
import org.qvd.vmas.account.boundary.AdministratorRequests.NewAdministrator;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.control.PasswordPolicy;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.InvalidStateException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.platform.list.ListQuery;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/** Administrators and their roles. Passwords are stored as bcrypt, which Elytron's realm verifies. */
@Stateless
@RequiresAcl
public class AdministratorService {

    private static final Map<String, String> SORTABLE =
            Map.of("id", "id", "name", "name", "tenant", "tenant.name", "blocked", "blocked", "createdAt", "createdAt");
    private static final PasswordHasher HASHER = new PasswordHasher();

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @jakarta.inject.Inject
    PasswordPolicy passwords;

    @jakarta.inject.Inject
    PasswordCheck passwordCheck;

    /** The calling administrator and its effective ACLs. */
    @RequiresAcl(RequiresAcl.AUTHENTICATED)
    public CallerDto me() {
        return CallerDto.of(CurrentCaller.get());
    }

    @RequiresAcl("admin.create")
    @Audited(value = "admin.create", objectType = "admin")
    public AdministratorDto create(@NotNull @Valid NewAdministrator request) {
        Caller caller = CurrentCaller.get();
        long tenantId;
        if (caller.superadmin()) {
            if (request.tenantId() == null) {
                throw new InvalidInputException(
                        PlatformError.TENANT_REQUIRED, "a superadministrator must name the tenant");
            }
            tenantId = request.tenantId();
        } else {
            tenantId = caller.owningTenant(request.tenantId());
        }
        Tenant tenant = Scoped.find(em, Tenant.class, tenantId, Tenant::getId, PlatformError.TENANT_NOT_FOUND);
        passwords.check(tenantId, request.password());
        long same = em.createNamedQuery(Administrator.COUNT_BY_NAME, Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", request.name())
                .getSingleResult();
        if (same > 0) {
            throw new ConflictException(
                    AccountError.ADMIN_DUPLICATE,
                    "administrator '" + request.name() + "' exists in tenant '" + tenant.getName() + "'");
        }
        Administrator admin =
                new Administrator(tenant, request.name(), HASHER.hash(request.password()), request.description());
        em.persist(admin);
        return AdministratorDto.of(admin);
    }

    @RequiresAcl("admin.see")
    public AdministratorDto get(@NotNull Long id) {
        return AdministratorDto.of(find(id));
    }

    @RequiresAcl("admin.see")
    public Page<AdministratorDto> list(AdministratorFilter filter, @NotNull PageRequest page) {
        AdministratorFilter f = filter == null ? AdministratorFilter.any() : filter;
        Long scope = CurrentCaller.get().listScope(f.tenantId());
        return ListQuery.page(
                em,
                Administrator.class,
                page,
                SORTABLE,
                (cb, root, where) -> {
                    ListQuery.equal(cb, root.get("tenant").get("id"), scope, where);
                    ListQuery.contains(cb, root.get("name"), f.name(), where);
                    ListQuery.equal(cb, root.get("blocked"), f.blocked(), where);
                },
                AdministratorDto::of);
    }

    @RequiresAcl("admin.update")
    @Audited(value = "admin.update", objectType = "admin")
    public AdministratorDto update(@NotNull Long id, @NotNull @Valid AdministratorUpdate update) {
        Administrator admin = find(id);
        if (update.description() != null) {
            admin.describe(update.description());
        }
        return AdministratorDto.of(admin);
    }

    @RequiresAcl("admin.update.password")
    @Audited(value = "admin.update.password", objectType = "admin")
    public AdministratorDto changePassword(@NotNull Long id, @NotBlank @Size(max = 72) String password) {
        Administrator admin = find(id);
        passwords.check(admin.getTenant().getId(), password);
        admin.changePasswordHash(HASHER.hash(password));
        passwordCheck.forget(PasswordCheck.Kind.ADMIN, id); // the new hash misses it anyway, on every node
        return AdministratorDto.of(admin);
    }

    @RequiresAcl("admin.update.roles")
    @Audited(value = "admin.assign_role", objectType = "admin")
    public AdministratorDto assignRole(@NotNull Long id, @NotNull Long roleId) {
        Administrator admin = find(id);
        admin.assign(RoleService.visibleRole(em, roleId));
        return AdministratorDto.of(admin);
    }

    @RequiresAcl("admin.update.roles")
    @Audited(value = "admin.unassign_role", objectType = "admin")
    public AdministratorDto unassignRole(@NotNull Long id, @NotNull Long roleId) {
        Administrator admin = find(id);
        Role role = RoleService.visibleRole(em, roleId);
        refuseSelf(admin, "remove its own roles");
        admin.unassign(role);
        return AdministratorDto.of(admin);
    }

    @RequiresAcl("admin.update.block")
    @Audited(value = "admin.block", objectType = "admin")
    public AdministratorDto block(@NotNull Long id) {
        Administrator admin = find(id);
        refuseSelf(admin, "block itself");
        admin.block();
        passwordCheck.forget(PasswordCheck.Kind.ADMIN, id); // a login reads the block anyway, on every node
        return AdministratorDto.of(admin);
    }

    @RequiresAcl("admin.update.block")
    @Audited(value = "admin.unblock", objectType = "admin")
    public AdministratorDto unblock(@NotNull Long id) {
        Administrator admin = find(id);
        admin.unblock();
        return AdministratorDto.of(admin);
    }

    @RequiresAcl("admin.delete")
    @Audited(value = "admin.delete", objectType = "admin")
    public void delete(@NotNull Long id) {
        Administrator admin = find(id);
        refuseSelf(admin, "delete itself");
        em.remove(admin);
        passwordCheck.forget(PasswordCheck.Kind.ADMIN, id);
    }

    private void refuseSelf(Administrator admin, String what) {
        if (Objects.equals(admin.getId(), CurrentCaller.get().adminId())) {
            throw new InvalidStateException(AccountError.ADMIN_SELF, "an administrator cannot " + what);
        }
    }

    private Administrator find(Long id) {
        return Scoped.find(em, Administrator.class, id, a -> a.getTenant().getId(), AccountError.ADMIN_NOT_FOUND);
    }
}
