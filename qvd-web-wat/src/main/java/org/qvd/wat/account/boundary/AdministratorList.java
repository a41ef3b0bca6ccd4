package org.qvd.wat.account.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.qvd.vmas.account.boundary.AdministratorDto;
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorFilter;
import org.qvd.vmas.account.boundary.AdministratorRequests.AdministratorUpdate;
import org.qvd.vmas.account.boundary.AdministratorRequests.NewAdministrator;
import org.qvd.vmas.account.boundary.AdministratorService;
import org.qvd.vmas.account.boundary.RoleDto;
import org.qvd.vmas.account.boundary.RoleRequests.RoleFilter;
import org.qvd.vmas.account.boundary.RoleService;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.Bulk;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ServiceLazyModel;

/** Administrators: create (with password), description, password change, roles, block/unblock, delete. */
@Named
@ViewScoped
public class AdministratorList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdministratorService admins;

    @Inject
    RoleService roles;

    private final ServiceLazyModel<AdministratorDto> model = new ServiceLazyModel<>(
            (f, page) -> admins.list(
                    new AdministratorFilter(
                            ServiceLazyModel.number(f.get("tenant")),
                            f.get("name"),
                            ServiceLazyModel.bool(f.get("blocked"))),
                    page),
            AdministratorDto::id);
    private List<AdministratorDto> selected = new ArrayList<>();
    private Long id;
    private Long tenantId;
    private String name;
    private String password;
    private String description;
    private AdministratorDto roleTarget;
    private Long roleId;

    public void newAdmin() {
        id = null;
        tenantId = null;
        name = null;
        password = null;
        description = null;
    }

    public void edit(AdministratorDto a) {
        id = a.id();
        tenantId = a.tenantId();
        name = a.name();
        password = null;
        description = a.description();
    }

    public void save() {
        if (id == null) {
            Feedback.run(
                    "admin.created",
                    () -> admins.create(new NewAdministrator(tenantId, name, password, description)),
                    name);
        } else {
            Feedback.run(
                    "admin.saved",
                    () -> {
                        admins.update(id, new AdministratorUpdate(description));
                        if (password != null && !password.isEmpty()) {
                            admins.changePassword(id, password);
                        }
                    },
                    name);
        }
        password = null;
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

    public void block(AdministratorDto a) {
        Feedback.run("admin.blocked", () -> admins.block(a.id()), a.name());
    }

    public void unblock(AdministratorDto a) {
        Feedback.run("admin.unblocked", () -> admins.unblock(a.id()), a.name());
    }

    public void delete(AdministratorDto a) {
        Feedback.run("admin.deleted", () -> admins.delete(a.id()), a.name());
    }

    public void bulkBlock() {
        Bulk.apply(selected, "action.block", a -> admins.block(a.id()));
    }

    public void bulkUnblock() {
        Bulk.apply(selected, "action.unblock", a -> admins.unblock(a.id()));
    }

    public void bulkDelete() {
        Bulk.apply(selected, "action.delete", a -> admins.delete(a.id()));
        selected.clear();
    }

    public ServiceLazyModel<AdministratorDto> getModel() {
        return model;
    }

    public List<AdministratorDto> getSelected() {
        return selected;
    }

    public void setSelected(List<AdministratorDto> s) {
        selected = s == null ? new ArrayList<>() : new ArrayList<>(s);
    }

    public Long getId() {
        return id;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
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
