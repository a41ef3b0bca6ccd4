package org.qvd.vmas.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.qvd.vmas.account.boundary.UserRequests.NewUser;
import org.qvd.vmas.account.boundary.UserRequests.UserFilter;
import org.qvd.vmas.account.boundary.UserRequests.UserUpdate;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.entity.Vm;

/** Users (the people who own VMs), scoped to the caller's tenant. */
@Stateless
@RequiresAcl
public class UserService extends AccountService<AppUser> {

    private static final Kind<AppUser> USER = new Kind<>(
            AppUser.class,
            "login",
            AppUser.COUNT_BY_LOGIN,
            "user",
            AccountError.USER_DUPLICATE,
            AccountError.USER_NOT_FOUND,
            PasswordCheck.Kind.USER);

    public UserService() {
        super(USER);
    }

    @RequiresAcl("user.create")
    @Audited(value = "user.create", objectType = "user")
    public UserDto create(@NotNull @Valid NewUser request) {
        return UserDto.of(createAccount(
                CurrentCaller.get().owningTenant(request.tenantId()),
                request.login(),
                request.password(),
                (tenant, login, hash) -> new AppUser(tenant, login, hash, request.description())));
    }

    @RequiresAcl("user.see")
    public UserDto get(@NotNull Long id) {
        return UserDto.of(find(id));
    }

    @RequiresAcl("user.see")
    public Page<UserDto> list(UserFilter filter, @NotNull PageRequest page) {
        UserFilter f = filter == null ? UserFilter.any() : filter;
        return listAccounts(f.tenantId(), f.login(), f.blocked(), page, UserDto::of);
    }

    @RequiresAcl("user.update")
    @Audited(value = "user.update", objectType = "user")
    public UserDto update(@NotNull Long id, @NotNull @Valid UserUpdate update) {
        return UserDto.of(describeAccount(id, update.description()));
    }

    @RequiresAcl("user.update.password")
    @Audited(value = "user.update.password", objectType = "user")
    public UserDto changePassword(@NotNull Long id, @NotBlank @Size(max = 72) String password) {
        return UserDto.of(setPassword(id, password));
    }

    @RequiresAcl("user.update.block")
    @Audited(value = "user.block", objectType = "user")
    public UserDto block(@NotNull Long id) {
        return UserDto.of(blockAccount(find(id)));
    }

    @RequiresAcl("user.update.block")
    @Audited(value = "user.unblock", objectType = "user")
    public UserDto unblock(@NotNull Long id) {
        return UserDto.of(unblockAccount(id));
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
        removeAccount(user);
    }
}
