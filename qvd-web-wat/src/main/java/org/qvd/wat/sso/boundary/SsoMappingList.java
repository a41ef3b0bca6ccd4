package org.qvd.wat.sso.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.qvd.vmas.account.boundary.RoleDto;
import org.qvd.vmas.account.boundary.RoleRequests.RoleFilter;
import org.qvd.vmas.account.boundary.RoleService;
import org.qvd.vmas.identity.boundary.SsoMappingDto;
import org.qvd.vmas.identity.boundary.SsoMappingInput;
import org.qvd.vmas.identity.boundary.SsoMappingService;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.wat.platform.Feedback;

/**
 * Which claim values of the OpenID Connect provider make administrators of which tenant with which role: list, add,
 * delete (the same VMAS service as REST /api/v1/sso-mappings and {@code qvd-admin sso}). ACLs sso.see / sso.update.
 */
@Named
@ViewScoped
public class SsoMappingList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SsoMappingService mappings;

    @Inject
    RoleService roles;

    private List<SsoMappingDto> rows;
    private Long tenantId;
    private String claim = "groups";
    private String value;
    private Long roleId;

    public List<SsoMappingDto> getRows() {
        if (rows == null) {
            rows = List.of();
            try {
                rows = mappings.list(null);
            } catch (RuntimeException e) {
                Feedback.error(e);
            }
        }
        return rows;
    }

    public void newMapping() {
        tenantId = null;
        claim = "groups";
        value = null;
        roleId = null;
    }

    /** The roles the chosen tenant's administrators may get: its own and the shared fixed ones. */
    public List<RoleDto> getRoles() {
        try {
            return roles.list(new RoleFilter(tenantId, null), PageRequest.of(0, PageRequest.MAX_SIZE, "name", false))
                    .items();
        } catch (RuntimeException e) {
            return List.of(); // e.g. a superadmin who has not chosen the tenant yet
        }
    }

    public void save() {
        SsoMappingInput input = new SsoMappingInput(tenantId, claim, value, roleId);
        Feedback.run("sso.created", () -> mappings.create(input), claim + "=" + value);
        rows = null;
    }

    public void delete(SsoMappingDto m) {
        Feedback.run("sso.deleted", () -> mappings.delete(m.id()), m.claim() + "=" + m.value());
        rows = null;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public void setTenantId(Long tenantId) {
        this.tenantId = tenantId;
    }

    public String getClaim() {
        return claim;
    }

    public void setClaim(String claim) {
        this.claim = claim;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public Long getRoleId() {
        return roleId;
    }

    public void setRoleId(Long roleId) {
        this.roleId = roleId;
    }
}
