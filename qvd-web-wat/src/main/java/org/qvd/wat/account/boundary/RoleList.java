package org.qvd.wat.account.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.qvd.vmas.account.boundary.AclDto;
import org.qvd.vmas.account.boundary.RoleDto;
import org.qvd.vmas.account.boundary.RoleRequests.NewRole;
import org.qvd.vmas.account.boundary.RoleRequests.RoleFilter;
import org.qvd.vmas.account.boundary.RoleRequests.RoleUpdate;
import org.qvd.vmas.account.boundary.RoleService;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.Feedback;
import org.qvd.wat.platform.ServiceLazyModel;

/** Roles: create/rename/delete, and one role's ACLs (grant, deny, forget) and inherited roles. */
@Named
@ViewScoped
public class RoleList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RoleService roles;

    private final ServiceLazyModel<RoleDto> model = new ServiceLazyModel<>(
            (f, page) -> roles.list(new RoleFilter(ServiceLazyModel.number(f.get("tenant")), f.get("name")), page),
            RoleDto::id);
    private Long id;
    private Long tenantId;
    private String name;
    private String description;
    private RoleDto acl;
    private String aclName;
    private Long inheritId;
    private List<AclDto> allAcls;

    public void newRole() {
        id = null;
        tenantId = null;
        name = null;
        description = null;
    }

    public void edit(RoleDto r) {
        id = r.id();
        tenantId = r.tenantId();
        name = r.name();
        description = r.description();
    }

    public void save() {
        if (id == null) {
            Feedback.run("role.created", () -> roles.create(new NewRole(tenantId, name, description)), name);
        } else {
            Feedback.run("role.saved", () -> roles.update(id, new RoleUpdate(name, description)), name);
        }
    }

    public void delete(RoleDto r) {
        Feedback.run("role.deleted", () -> roles.delete(r.id()), r.name());
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

    public ServiceLazyModel<RoleDto> getModel() {
        return model;
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
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
