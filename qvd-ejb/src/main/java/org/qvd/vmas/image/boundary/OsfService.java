package org.qvd.vmas.image.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.image.boundary.OsfRequests.NewOsf;
import org.qvd.vmas.image.boundary.OsfRequests.OsfFilter;
import org.qvd.vmas.image.boundary.OsfRequests.OsfUpdate;
import org.qvd.vmas.image.entity.ImageError;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.WireEnumConverter;
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
import org.qvd.vmas.vm.control.VmConfigKeys;
import org.qvd.vmas.vm.entity.Vm;

/** OS flavours, scoped to the caller's tenant. */
@Stateless
@RequiresAcl
public class OsfService {

    private static final Map<String, String> SORTABLE = Map.of(
            "id",
            "id",
            "name",
            "name",
            "memoryMb",
            "memoryMb",
            "tenant",
            "tenant.name",
            "createdAt",
            "createdAt",
            "kind",
            "kind");

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    ConfigResolver config;

    @RequiresAcl("osf.create")
    @Audited(value = "osf.create", objectType = "osf")
    public OsfDto create(@NotNull @Valid NewOsf request) {
        long tenantId = CurrentCaller.get().owningTenant(request.tenantId());
        Tenant tenant = Scoped.find(em, Tenant.class, tenantId, Tenant::getId, PlatformError.TENANT_NOT_FOUND);
        requireFreeName(tenantId, request.name());
        int memory =
                request.memoryMb() != null ? request.memoryMb() : config.get(tenantId, VmConfigKeys.OSF_DEFAULT_MEMORY);
        boolean overlay = request.useOverlay() != null
                ? request.useOverlay()
                : config.get(tenantId, VmConfigKeys.OSF_DEFAULT_OVERLAY);
        int storage = request.userStorageMb() == null ? 0 : request.userStorageMb();
        Osf osf = new Osf(tenant, request.name(), memory, overlay, storage, request.description());
        osf.changeKind(kindOf(request.kind()));
        em.persist(osf);
        return OsfDto.of(osf);
    }

    @RequiresAcl("osf.see")
    public OsfDto get(@NotNull Long id) {
        return OsfDto.of(find(em, id));
    }

    @RequiresAcl("osf.see")
    public Page<OsfDto> list(OsfFilter filter, @NotNull PageRequest page) {
        OsfFilter f = filter == null ? OsfFilter.any() : filter;
        Long scope = CurrentCaller.get().listScope(f.tenantId());
        return ListQuery.page(
                em,
                Osf.class,
                page,
                SORTABLE,
                where -> where.equal("tenant.id", scope).contains("name", f.name()),
                OsfDto::of);
    }

    @RequiresAcl("osf.update")
    @Audited(value = "osf.update", objectType = "osf")
    public OsfDto update(@NotNull Long id, @NotNull @Valid OsfUpdate update) {
        Osf osf = find(em, id);
        if (update.name() != null && !update.name().equals(osf.getName())) {
            requireFreeName(osf.getTenant().getId(), update.name());
        }
        osf.rename(
                update.name() != null ? update.name() : osf.getName(),
                update.description() != null ? update.description() : osf.getDescription());
        osf.reconfigure(
                update.memoryMb() != null ? update.memoryMb() : osf.getMemoryMb(),
                update.useOverlay() != null ? update.useOverlay() : osf.isUseOverlay(),
                update.userStorageMb() != null ? update.userStorageMb() : osf.getUserStorageMb());
        osf.changeKind(kindOf(update.kind()));
        return OsfDto.of(osf);
    }

    /** Deletes an OSF that no VM uses and that has no disk images left. */
    @RequiresAcl("osf.delete")
    @Audited(value = "osf.delete", objectType = "osf")
    public void delete(@NotNull Long id) {
        Osf osf = find(em, id);
        long vms = em.createNamedQuery(Vm.COUNT_BY_OSF, Long.class)
                .setParameter("osfId", id)
                .getSingleResult();
        if (vms > 0 || !osf.getDis().isEmpty()) {
            throw new ConflictException(
                    ImageError.OSF_IN_USE,
                    "OSF '" + osf.getName() + "' still has " + vms + " VM(s) and "
                            + osf.getDis().size() + " disk image(s)");
        }
        em.createNamedQuery(Property.DELETE_OF_OBJECT)
                .setParameter("type", PropertyOwner.OSF)
                .setParameter("objectId", id)
                .executeUpdate();
        em.remove(osf);
    }

    static Osf find(EntityManager em, Long id) {
        return Scoped.find(em, Osf.class, id, o -> o.getTenant().getId(), ImageError.OSF_NOT_FOUND);
    }

    private static DesktopKind kindOf(String wireName) {
        return wireName == null
                ? null
                : WireEnumConverter.parse(DesktopKind.class, ImageError.DESKTOPKIND_INVALID, wireName);
    }

    private void requireFreeName(long tenantId, String name) {
        long same = em.createNamedQuery(Osf.COUNT_BY_NAME, Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("name", name)
                .getSingleResult();
        if (same > 0) {
            throw new ConflictException(ImageError.OSF_DUPLICATE, "an OSF named '" + name + "' exists in this tenant");
        }
    }
}
