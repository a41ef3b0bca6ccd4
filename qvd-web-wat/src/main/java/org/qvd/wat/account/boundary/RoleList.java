package org.qvd.wat.account.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.account.boundary.AclDto;
import org.qvd.vmas.account.boundary.RoleDto;
import org.qvd.vmas.account.boundary.RoleRequests.NewRole;
import org.qvd.vmas.account.boundary.RoleRequests.RoleFilter;
import org.qvd.vmas.account.boundary.RoleRequests.RoleUpdate;
import org.qvd.vmas.account.boundary.RoleService;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ObjectList;
import org.qvd.wat.platform.ServiceLazyModel;

/** Roles: create/rename/delete, and one role's ACLs (grant, deny, forget) and inherited roles. */
@Named
@ViewScoped
public class RoleList extends ObjectList<RoleDto> {

    private static final long serialVersionUID = 1L;

    @Inject
    RoleService roles;

    private RoleDto acl;
    private String aclName;
    private Long inheritId;
    private List<AclDto> allAcls;

    public RoleList() {
        super("role", RoleDto::name);
    }

    public void newRole() {
        clearDialog();
    }

    public void edit(RoleDto r) {
        fillDialog(r.id(), r.tenantId(), r.name(), r.description());
    }

    public void save() {
        createOrSave(
                () -> roles.create(new NewRole(getTenantId(), getName(), getDescription())),
                () -> roles.update(getId(), new RoleUpdate(getName(), getDescription())));
    }

    public void delete(RoleDto r) {
        act("deleted", roles::delete, r);
    }

    public void openAcls(RoleDto r) {
        acl = r;
        aclName = null;
        inheritId = null;
    }

    public void grant() {
        Feedback.run("role.grantDone", () -> acl = roles.grant(acl.id(), aclName), aclName);
    }

    public void deny() {
        Feedback.run("role.denyDone", () -> acl = roles.deny(acl.id(), aclName), aclName);
    }

    public void forget(String name) {
        Feedback.run("role.forgotten", () -> acl = roles.forget(acl.id(), name), name);
    }

    public void inherit() {
        Feedback.run("role.inherited", () -> acl = roles.inherit(acl.id(), inheritId), acl.name());
    }

    public void disinherit(String roleName) {
        Long rid = getRoles().stream()
                .filter(r -> r.name().equals(roleName))
                .map(RoleDto::id)
                .findFirst()
                .orElse(null);
        Feedback.run("role.disinherited", () -> acl = roles.disinherit(acl.id(), rid), roleName);
    }

    @Override
    protected Page<RoleDto> load(Map<String, String> f, PageRequest page) {
        return roles.list(new RoleFilter(ServiceLazyModel.number(f.get("tenant")), f.get("name")), page);
    }

    public List<AclDto> getAllAcls() {
        if (allAcls == null) {
            allAcls = roles.acls();
        }
        return allAcls;
    }

    public List<RoleDto> getRoles() {
        return roles.list(null, PageRequest.of(0, PageRequest.MAX_SIZE, "name", false))
                .items();
    }

    public RoleDto getAcl() {
        return acl;
    }

    public String getAclName() {
        return aclName;
    }

    public void setAclName(String aclName) {
        this.aclName = aclName;
    }

    public Long getInheritId() {
        return inheritId;
    }

    public void setInheritId(Long inheritId) {
        this.inheritId = inheritId;
    }
}
