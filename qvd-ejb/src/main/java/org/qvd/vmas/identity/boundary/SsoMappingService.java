package org.qvd.vmas.identity.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.qvd.vmas.account.boundary.RoleService;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.identity.entity.SsoError;
import org.qvd.vmas.identity.entity.SsoRoleMapping;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;

/** Which identity provider claims make administrators of which tenant with which roles: per tenant, audited. */
@Stateless
@RequiresAcl
public class SsoMappingService {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /** The caller's tenants' mappings (a superadmin's: every tenant's, or the one asked for). */
    @RequiresAcl("sso.see")
    public List<SsoMappingDto> list(Long tenantId) {
        Long scope = CurrentCaller.get().listScope(tenantId);
        return em.createNamedQuery(SsoRoleMapping.ALL, SsoRoleMapping.class)
                .getResultStream()
                .filter(m -> scope == null || m.getTenant().getId().equals(scope))
                .map(SsoMappingDto::of)
                .toList();
    }

    @RequiresAcl("sso.update")
    @Audited(value = "sso.mapping.create", objectType = "sso_mapping")
    public SsoMappingDto create(@NotNull @Valid SsoMappingInput input) {
        Tenant tenant = em.find(Tenant.class, CurrentCaller.get().owningTenant(input.tenantId()));
        if (tenant == null) {
            throw new NotFoundException(PlatformError.TENANT_NOT_FOUND, input.tenantId());
        }
        Role role = RoleService.visibleRole(em, input.roleId());
        long roleTenant = role.getTenant().getId();
        if (roleTenant != Tenant.SUPERTENANT_ID && roleTenant != tenant.getId()) {
            throw new InvalidInputException(
                    SsoError.INVALID_MAPPING, "role '" + role.getName() + "' belongs to another tenant");
        }
        boolean same = em.createNamedQuery(SsoRoleMapping.ALL, SsoRoleMapping.class)
                .getResultStream()
                .anyMatch(m -> m.getTenant().getId().equals(tenant.getId())
                        && m.getClaim().equals(input.claim())
                        && m.getClaimValue().equals(input.value())
                        && m.getRole().getId().equals(role.getId()));
        if (same) {
            throw new ConflictException(
                    SsoError.DUPLICATE_MAPPING,
                    "tenant '" + tenant.getName() + "' maps " + input.claim() + "=" + input.value() + " to role '"
                            + role.getName() + "' already");
        }
        SsoRoleMapping mapping = new SsoRoleMapping(tenant, input.claim(), input.value(), role);
        em.persist(mapping);
        em.flush();
        return SsoMappingDto.of(mapping);
    }

    /** Deletes the mapping; administrators it made keep their roles until their next single sign-on. */
    @RequiresAcl("sso.update")
    @Audited(value = "sso.mapping.delete", objectType = "sso_mapping")
    public void delete(@NotNull Long id) {
        em.remove(Scoped.find(em, SsoRoleMapping.class, id, m -> m.getTenant().getId(), SsoError.MAPPING_NOT_FOUND));
    }
}
