package org.qvd.vmas.account.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.qvd.vmas.account.boundary.TenantRequests.NewTenant;
import org.qvd.vmas.account.boundary.TenantRequests.TenantFilter;
import org.qvd.vmas.account.boundary.TenantRequests.TenantUpdate;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.ConflictException;
import org.qvd.vmas.platform.error.PlatformError;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.platform.list.ListQuery;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/** Tenants. Only superadmins change them; other admins see their own tenant only. */
@Stateless
@RequiresAcl
public class TenantService {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "createdAt", "createdAt");

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @RequiresAcl("tenant.create")
    @Audited(value = "tenant.create", objectType = "tenant")
    public TenantDto create(@NotNull @Valid NewTenant request) {
        CurrentCaller.get().requireSuperadmin("creating tenants");
        requireFreeName(request.name());
        Tenant tenant = new Tenant(request.name(), request.description());
        em.persist(tenant);
        return TenantDto.of(tenant);
    }

    @RequiresAcl("tenant.see")
    public TenantDto get(@NotNull Long id) {
        return TenantDto.of(find(id));
    }

    @RequiresAcl("tenant.see")
    public Page<TenantDto> list(TenantFilter filter, @NotNull PageRequest page) {
        TenantFilter f = filter == null ? TenantFilter.any() : filter;
        Caller caller = CurrentCaller.get();
        return ListQuery.page(
                em,
                Tenant.class,
                page,
                SORTABLE,
                where -> where.equal("id", caller.superadmin() ? null : caller.tenantId())
                        .contains("name", f.name())
                        .equal("blocked", f.blocked()),
                TenantDto::of);
    }

    @RequiresAcl("tenant.update")
    @Audited(value = "tenant.update", objectType = "tenant")
    public TenantDto update(@NotNull Long id, @NotNull @Valid TenantUpdate update) {
        CurrentCaller.get().requireSuperadmin("changing tenants");
        Tenant tenant = find(id);
        if (update.name() != null && !update.name().equals(tenant.getName())) {
            requireFreeName(update.name());
            tenant.rename(update.name());
        }
        if (update.description() != null) {
            tenant.describe(update.description());
        }
        return TenantDto.of(tenant);
    }

    @RequiresAcl("tenant.update.block")
    @Audited(value = "tenant.block", objectType = "tenant")
    public TenantDto block(@NotNull Long id) {
        CurrentCaller.get().requireSuperadmin("blocking tenants");
        Tenant tenant = find(id);
        tenant.block();
        return TenantDto.of(tenant);
    }

    @RequiresAcl("tenant.update.block")
    @Audited(value = "tenant.unblock", objectType = "tenant")
    public TenantDto unblock(@NotNull Long id) {
        CurrentCaller.get().requireSuperadmin("unblocking tenants");
        Tenant tenant = find(id);
        tenant.unblock();
        return TenantDto.of(tenant);
    }

    /** Deletes an empty tenant; one that still has administrators, users, OSFs or roles is refused. */
    @RequiresAcl("tenant.delete")
    @Audited(value = "tenant.delete", objectType = "tenant")
    public void delete(@NotNull Long id) {
        CurrentCaller.get().requireSuperadmin("deleting tenants");
        Tenant tenant = find(id);
        tenant.checkDeletable();
        long used = 0;
        for (String entity : new String[] {"Administrator", "AppUser", "Osf", "Role"}) {
            used += em.createQuery("SELECT COUNT(x) FROM " + entity + " x WHERE x.tenant.id = :id", Long.class)
                    .setParameter("id", id)
                    .getSingleResult();
        }
        if (used > 0) {
            throw new ConflictException(
                    AccountError.TENANT_IN_USE,
                    "tenant '" + tenant.getName() + "' still has administrators, users, OSFs or roles");
        }
        em.remove(tenant);
    }

    private Tenant find(Long id) {
        return Scoped.find(em, Tenant.class, id, Tenant::getId, PlatformError.TENANT_NOT_FOUND);
    }

    private void requireFreeName(String name) {
        if (!em.createNamedQuery(Tenant.BY_NAME, Tenant.class)
                .setParameter("name", name)
                .getResultList()
                .isEmpty()) {
            throw new ConflictException(AccountError.TENANT_DUPLICATE, "a tenant named '" + name + "' exists");
        }
    }
}
