package org.qvd.vmas.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserRequests.UserFilter;
import org.qvd.vmas.account.boundary.UserRequests.UserUpdate;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.control.PasswordHasher;
import org.qvd.vmas.account.control.PasswordPolicy;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.platform.list.ListQuery;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.entity.Vm;

/** Users (the people who own VMs), scoped to the caller's tenant. */
@Stateless
@RequiresAcl
public class UserService {

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "id", "login", "login", "tenant", "tenant.name", "blocked", "blocked", "createdAt", "createdAt");
    private static final PasswordHasher HASHER = new PasswordHasher();

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @jakarta.inject.Inject
    PasswordPolicy passwords;

    @jakarta.inject.Inject
    PasswordCheck passwordCheck;

    @RequiresAcl("user.create")
    @Audited(value = "user.create", objectType = "user")
    public UserDto create(@NotNull @Valid NewUser request) {
        long tenantId = CurrentCaller.get().owningTenant(request.tenantId());
        Tenant tenant = Scoped.find(em, Tenant.class, tenantId, Tenant::getId, PlatformError.TENANT_NOT_FOUND);
        passwords.check(tenantId, request.password());
        long same = em.createNamedQuery(AppUser.COUNT_BY_LOGIN, Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("login", request.login())
                .getSingleResult();
        if (same > 0) {
            throw new ConflictException(
                    AccountError.USER_DUPLICATE,
                    "user '" + request.login() + "' exists in tenant '" + tenant.getName() + "'");
        }
        AppUser user = new AppUser(tenant, request.login(), HASHER.hash(request.password()), request.description());
        em.persist(user);
        return UserDto.of(user);
    }

    @RequiresAcl("user.see")
    public UserDto get(@NotNull Long id) {
        return UserDto.of(find(id));
    }

    @RequiresAcl("user.see")
    public Page<UserDto> list(UserFilter filter, @NotNull PageRequest page) {
        UserFilter f = filter == null ? UserFilter.any() : filter;
        Long scope = CurrentCaller.get().listScope(f.tenantId());
        return ListQuery.page(
                em,
                AppUser.class,
                page,
                SORTABLE,
                (cb, root, where) -> {
                    ListQuery.equal(cb, root.get("tenant").get("id"), scope, where);
                    ListQuery.contains(cb, root.get("login"), f.login(), where);
                    ListQuery.equal(cb, root.get("blocked"), f.blocked(), where);
                },
                UserDto::of);
    }

    @RequiresAcl("user.update")
    @Audited(value = "user.update", objectType = "user")
    public UserDto update(@NotNull Long id, @NotNull @Valid UserUpdate update) {
        AppUser user = find(id);
        if (update.description() != null) {
            user.describe(update.description());
        }
        return UserDto.of(user);
    }

    @RequiresAcl("user.update.password")
    @Audited(value = "user.update.password", objectType = "user")
    public UserDto changePassword(@NotNull Long id, @NotBlank @Size(max = 72) String password) {
        AppUser user = find(id);
        passwords.check(user.getTenant().getId(), password);
        user.changePasswordHash(HASHER.hash(password));
        passwordCheck.forget(PasswordCheck.Kind.USER, id); // the new hash misses it anyway, on every node
        return UserDto.of(user);
    }

    @RequiresAcl("user.update.block")
    @Audited(value = "user.block", objectType = "user")
    public UserDto block(@NotNull Long id) {
        AppUser user = find(id);
        user.block();
        passwordCheck.forget(PasswordCheck.Kind.USER, id); // a login reads the block anyway, on every node
        return UserDto.of(user);
    }

    @RequiresAcl("user.update.block")
    @Audited(value = "user.unblock", objectType = "user")
    public UserDto unblock(@NotNull Long id) {
        AppUser user = find(id);
        user.unblock();
        return UserDto.of(user);
    }

    /** Deletes a user without VMs (delete the VMs first) and the user's properties. */
    @RequiresAcl("user.delete")
    @Audited(value = "user.delete", objectType = "user")
    public void delete(@NotNull Long id) {
        AppUser user = find(id);
        long vms = em.createNamedQuery(Vm.COUNT_BY_USER, Long.class)
                .setParameter("userId", id)
                .getSingleResult();
        if (vms > 0) {
            throw new ConflictException(
                    AccountError.USER_IN_USE, "user '" + user.getLogin() + "' still owns " + vms + " VM(s)");
        }
        em.createNamedQuery(Property.DELETE_OF_OBJECT)
                .setParameter("type", PropertyOwner.USER)
                .setParameter("objectId", id)
                .executeUpdate();
        em.remove(user);
        passwordCheck.forget(PasswordCheck.Kind.USER, id);
    }

    private AppUser find(Long id) {
        return Scoped.find(em, AppUser.class, id, u -> u.getTenant().getId(), AccountError.USER_NOT_FOUND);
    }
}
