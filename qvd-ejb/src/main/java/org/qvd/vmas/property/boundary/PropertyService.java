package org.qvd.vmas.property.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.qvd.vmas.account.entity.AccountError;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostError;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.image.entity.ImageError;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.audit.Audited;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.Scoped;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyError;
import org.qvd.vmas.property.entity.PropertyOwner;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmError;

/** Properties of objects the caller can see; host properties are changed by superadmins only. */
@Stateless
@RequiresAcl
public class PropertyService {

    static final String KEY = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @RequiresAcl("property.see")
    public List<PropertyDto> list(@NotNull PropertyOwner objectType, long objectId) {
        requireVisible(objectType, objectId);
        return query(objectType, objectId).stream().map(PropertyDto::of).toList();
    }

    /** Sets (creates or replaces) a property. */
    @RequiresAcl("property.update")
    @Audited(value = "property.set", objectType = "property")
    public PropertyDto set(
            @NotNull PropertyOwner objectType,
            long objectId,
            @NotBlank @Pattern(regexp = KEY) String key,
            @NotNull @Size(max = 4096) String value) {
        requireChangeable(objectType, objectId);
        Property p = query(objectType, objectId).stream()
                .filter(x -> x.getKey().equals(key))
                .findFirst()
                .orElse(null);
        if (p == null) {
            p = new Property(objectType, objectId, key, value);
            em.persist(p);
        } else {
            p.change(value);
        }
        return PropertyDto.of(p);
    }

    @RequiresAcl("property.update")
    @Audited(value = "property.delete", objectType = "property")
    public void delete(@NotNull PropertyOwner objectType, long objectId, @NotBlank String key) {
        requireChangeable(objectType, objectId);
        Property p = query(objectType, objectId).stream()
                .filter(x -> x.getKey().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(PropertyError.NOT_FOUND, key));
        em.remove(p);
    }

    private List<Property> query(PropertyOwner type, long objectId) {
        return em.createNamedQuery(Property.OF_OBJECT, Property.class)
                .setParameter("type", type)
                .setParameter("objectId", objectId)
                .getResultList();
    }

    private void requireChangeable(PropertyOwner type, long objectId) {
        requireVisible(type, objectId);
        if (type == PropertyOwner.HOST) {
            CurrentCaller.get().requireSuperadmin("changing host properties");
        }
    }

    private void requireVisible(PropertyOwner type, long id) {
        switch (type) {
            case USER -> Scoped.find(em, AppUser.class, id, u -> u.getTenant().getId(), AccountError.USER_NOT_FOUND);
            case VM ->
                Scoped.find(em, Vm.class, id, v -> v.getUser().getTenant().getId(), VmError.NOT_FOUND);
            case OSF -> Scoped.find(em, Osf.class, id, o -> o.getTenant().getId(), ImageError.OSF_NOT_FOUND);
            case DI -> Scoped.find(em, Di.class, id, d -> d.getOsf().getTenant().getId(), ImageError.DI_NOT_FOUND);
            case HOST -> {
                if (em.find(Host.class, id) == null) {
                    throw new NotFoundException(HostError.NOT_FOUND, id);
                }
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }
}
