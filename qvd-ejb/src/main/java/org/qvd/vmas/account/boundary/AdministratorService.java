package org.qvd.vmas.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorFilter;
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorUpdate;
import org.qvd.vmas.account.boundary.AdministratorRequests.NewAdministrator;
import org.qvd.vmas.account.control.PasswordCheck;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.InvalidStateException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/** Administrators and their roles. Passwords are stored as bcrypt, which Elytron's realm verifies. */
@Stateless
@RequiresAcl
public class AdministratorService extends AccountService<Administrator> {

    private static final Kind<Administrator> ADMINISTRATOR = new Kind<>(
            Administrator.class,
            "name",
            Administrator.COUNT_BY_NAME,
            "administrator",
            AccountError.ADMIN_DUPLICATE,
            AccountError.ADMIN_NOT_FOUND,
            PasswordCheck.Kind.ADMIN);

    public AdministratorService() {
        super(ADMINISTRATOR);
    }

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
        return AdministratorDto.of(createAccount(
                tenantId,
                request.name(),
                request.password(),
                (tenant, name, hash) -> new Administrator(tenant, name, hash, request.description())));
    }

    @RequiresAcl("admin.see")
    public AdministratorDto get(@NotNull Long id) {
        return AdministratorDto.of(find(id));
    }

    @RequiresAcl("admin.see")
    public Page<AdministratorDto> list(AdministratorFilter filter, @NotNull PageRequest page) {
        AdministratorFilter f = filter == null ? AdministratorFilter.any() : filter;
        return listAccounts(f.tenantId(), f.name(), f.blocked(), page, AdministratorDto::of);
    }

    @RequiresAcl("admin.update")
    @Audited(value = "admin.update", objectType = "admin")
    public AdministratorDto update(@NotNull Long id, @NotNull @Valid AdministratorUpdate update) {
        return AdministratorDto.of(describeAccount(id, update.description()));
    }

    @RequiresAcl("admin.update.password")
    @Audited(value = "admin.update.password", objectType = "admin")
    public AdministratorDto changePassword(@NotNull Long id, @NotBlank @Size(max = 72) String password) {
        return AdministratorDto.of(setPassword(id, password));
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
        return AdministratorDto.of(blockAccount(admin));
    }

    @RequiresAcl("admin.update.block")
    @Audited(value = "admin.unblock", objectType = "admin")
    public AdministratorDto unblock(@NotNull Long id) {
        return AdministratorDto.of(unblockAccount(id));
    }

    @RequiresAcl("admin.delete")
    @Audited(value = "admin.delete", objectType = "admin")
    public void delete(@NotNull Long id) {
        Administrator admin = find(id);
        refuseSelf(admin, "delete itself");
        removeAccount(admin);
    }

    private void refuseSelf(Administrator admin, String what) {
        if (Objects.equals(admin.getId(), CurrentCaller.get().adminId())) {
            throw new InvalidStateException(AccountError.ADMIN_SELF, "an administrator cannot " + what);
        }
    }
}
