package org.qvd.vmas.platform;

import java.util.List;
import org.qvd.account.entity.Acl;
import org.qvd.account.entity.Administrator;
import org.qvd.account.entity.AppUser;
import org.qvd.account.entity.Role;
import org.qvd.account.entity.RoleAcl;
import org.qvd.account.entity.Tenant;
import org.qvd.account.entity.UserToken;
import org.qvd.audit.entity.AuditEntry;
import org.qvd.config.entity.ConfigEntry;
import org.qvd.host.entity.Host;
import org.qvd.host.entity.HostRuntime;
import org.qvd.host.entity.HostStateConverter;
import org.qvd.image.entity.Di;
import org.qvd.image.entity.DiTag;
import org.qvd.image.entity.Osf;
import org.qvd.property.entity.Property;
import org.qvd.property.entity.PropertyOwnerConverter;
import org.qvd.vm.entity.UserCommandConverter;
import org.qvd.vm.entity.UserStateConverter;
import org.qvd.vm.entity.Vm;
import org.qvd.vm.entity.VmCommandConverter;
import org.qvd.vm.entity.VmRuntime;
import org.qvd.vm.entity.VmStateConverter;
import org.qvd.vm.entity.VmStateHistory;
import org.qvd.vm.entity.XStateConverter;

/** Every entity and converter of the persistence unit, for bootstrapping Hibernate outside the container. */
public final class Entities {

    public static final List<Class<?>> ENTITIES = List.of(Tenant.class, Administrator.class, AppUser.class, Role.class,
            Acl.class, RoleAcl.class, Osf.class, Di.class, DiTag.class, Host.class, HostRuntime.class, Vm.class,
            VmRuntime.class, VmStateHistory.class, Property.class, ConfigEntry.class, AuditEntry.class,
            UserToken.class);

    public static final List<Class<? extends jakarta.persistence.AttributeConverter<?, ?>>> CONVERTERS = List.of(
            VmStateConverter.class, UserStateConverter.class, XStateConverter.class, VmCommandConverter.class,
            UserCommandConverter.class, HostStateConverter.class, PropertyOwnerConverter.class,
            org.qvd.image.entity.DesktopKindConverter.class);

    private Entities() {
    }
}
