package org.qvd.vmas.platform;

import java.util.List;
import org.qvd.vmas.account.entity.Acl;
import org.qvd.vmas.account.entity.Administrator;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.account.entity.Role;
import org.qvd.vmas.account.entity.RoleAcl;
import org.qvd.vmas.account.entity.Tenant;
import org.qvd.vmas.account.entity.UserToken;
import org.qvd.vmas.audit.entity.AuditEntry;
import org.qvd.vmas.config.entity.ConfigEntry;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostRuntime;
import org.qvd.vmas.host.entity.HostStateConverter;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.image.entity.DiTag;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.property.entity.Property;
import org.qvd.vmas.property.entity.PropertyOwnerConverter;
import org.qvd.vmas.vm.entity.UserCommandConverter;
import org.qvd.vmas.vm.entity.UserStateConverter;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmCommandConverter;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmStateConverter;
import org.qvd.vmas.vm.entity.VmStateHistory;
import org.qvd.vmas.vm.entity.XStateConverter;

/** Every entity and converter of the persistence unit, for bootstrapping Hibernate outside the container. */
public final class Entities {

    public static final List<Class<?>> ENTITIES = List.of(
            Tenant.class,
            Administrator.class,
            AppUser.class,
            Role.class,
            Acl.class,
            RoleAcl.class,
            Osf.class,
            Di.class,
            DiTag.class,
            Host.class,
            HostRuntime.class,
            Vm.class,
            VmRuntime.class,
            VmStateHistory.class,
            Property.class,
            ConfigEntry.class,
            AuditEntry.class,
            UserToken.class,
            org.qvd.vmas.watch.entity.WatchTicket.class,
            org.qvd.vmas.directory.entity.Directory.class,
            org.qvd.vmas.directory.entity.DirectoryUser.class,
            org.qvd.vmas.totp.entity.AdminTotp.class,
            org.qvd.vmas.identity.entity.SsoRoleMapping.class);

    public static final List<Class<? extends jakarta.persistence.AttributeConverter<?, ?>>> CONVERTERS = List.of(
            VmStateConverter.class,
            UserStateConverter.class,
            XStateConverter.class,
            VmCommandConverter.class,
            UserCommandConverter.class,
            HostStateConverter.class,
            PropertyOwnerConverter.class,
            org.qvd.vmas.image.entity.DesktopKindConverter.class);

    private Entities() {}
}
