package org.qvd.wat.account.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.qvd.vmas.account.boundary.AdministratorDto;
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorFilter;
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorUpdate;
import org.qvd.vmas.account.boundary.AdministratorRequests.NewAdministrator;
import org.qvd.vmas.account.boundary.AdministratorService;
import org.qvd.vmas.account.boundary.RoleDto;
import org.qvd.vmas.account.boundary.RoleRequests.RoleFilter;
import org.qvd.vmas.account.boundary.RoleService;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.Feedback;

/** Administrators: create (with password), description, password change, roles, block/unblock, delete. */
@Named
@ViewScoped
public class AdministratorList extends AccountList<AdministratorDto> {

    private static final long serialVersionUID = 1L;

    @Inject
    AdministratorService admins;

    @Inject
    RoleService roles;

    private AdministratorDto roleTarget;
    private Long roleId;

    public AdministratorList() {
        super("admin", "name");
    }

    public void newAdmin() {
        clear();
    }

    @Override
    Page<AdministratorDto> list(Long tenantId, String name, Boolean blocked, PageRequest page) {
        return admins.list(new AdministratorFilter(tenantId, name, blocked), page);
    }

    @Override
    void create(Long tenantId, String name, String password, String description) {
        admins.create(new NewAdministrator(tenantId, name, password, description));
    }

    @Override
    void update(Long id, String description) {
        admins.update(id, new AdministratorUpdate(description));
    }

    @Override
    void changePassword(Long id, String password) {
        admins.changePassword(id, password);
    }

    @Override
    protected Calls calls() {
        return new Calls(admins::block, admins::unblock, admins::delete);
    }

    public void openRoles(AdministratorDto a) {
        roleTarget = a;
        roleId = null;
    }

    /** Roles the target may get: its tenant's own and the shared fixed ones. */
    public List<RoleDto> getAssignableRoles() {
        if (roleTarget == null) {
            return List.of();
        }
        return roles.list(
                        new RoleFilter(roleTarget.tenantId(), null),
                        PageRequest.of(0, PageRequest.MAX_SIZE, "name", false))
                .items();
    }

    public void assignRole() {
        Feedback.run(
                "admin.roleAssigned", () -> roleTarget = admins.assignRole(roleTarget.id(), roleId), roleTarget.name());
    }

    public void unassignRole(String roleName) {
        Long rid = getAssignableRoles().stream()
                .filter(r -> r.name().equals(roleName))
                .map(RoleDto::id)
                .findFirst()
                .orElse(null);
        Feedback.run("admin.roleRemoved", () -> roleTarget = admins.unassignRole(roleTarget.id(), rid), roleName);
    }

    public AdministratorDto getRoleTarget() {
        return roleTarget;
    }

    public Long getRoleId() {
        return roleId;
    }

    public void setRoleId(Long roleId) {
        this.roleId = roleId;
    }
}
