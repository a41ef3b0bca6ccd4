package org.qvd.vmas.it;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.qvd.vmas.account.boundary.AdministratorDto;
import org.qvd.vmas.account.boundary.AdministratorRequests.NewAdministrator;
import org.qvd.vmas.account.boundary.AdministratorService;
import org.qvd.vmas.account.boundary.RoleDto;
import org.qvd.vmas.account.boundary.RoleRequests.RoleFilter;
import org.qvd.vmas.account.boundary.RoleService;
import org.qvd.vmas.account.boundary.TenantDto;
import org.qvd.vmas.account.boundary.TenantRequests.NewTenant;
import org.qvd.vmas.account.boundary.TenantService;
import org.qvd.vmas.audit.boundary.AuditEntryDto;
import org.qvd.vmas.audit.boundary.AuditFilter;
import org.qvd.vmas.audit.boundary.AuditService;
import org.qvd.vmas.platform.audit.AuditEvent;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/** Builds each test's own data (tenants with an administrator) and reads the audit log, as the superadmin. */
@Dependent
public class Scenario {

    public static final String PASSWORD = "Pa55-word-long";

    @Inject
    TenantService tenants;

    @Inject
    AdministratorService admins;

    @Inject
    RoleService roles;

    @Inject
    AuditService audit;

    /** A tenant and the administrator {@code boss@<tenant>} holding a role of its own. */
    public record Tenancy(long tenantId, String tenantName, long adminId, String adminLogin) {
        public <T> T as(Callable<T> action) throws Exception {
            return As.admin(adminLogin, PASSWORD, action);
        }
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh tenant whose admin holds one of the shared fixed roles (e.g. "Tenant Admin", "Reader"). */
    public Tenancy tenantWithAdmin(String fixedRole) throws Exception {
        String name = unique("t");
        return As.superadmin(() -> {
            TenantDto t = tenants.create(new NewTenant(name, "test tenant"));
            AdministratorDto a = admins.create(new NewAdministrator(t.id(), "boss", PASSWORD, null));
            admins.assignRole(a.id(), fixedRoleId(fixedRole));
            return new Tenancy(t.id(), name, a.id(), "boss@" + name);
        });
    }

    public long fixedRoleId(String name) throws Exception {
        return As.superadmin(() -> roles.list(new RoleFilter(0L, name), PageRequest.first(50)).items().stream()
                .filter(r -> r.fixed() && r.name().equals(name))
                .map(RoleDto::id)
                .findFirst()
                .orElseThrow());
    }

    /** The audit entries about one object, newest first. */
    public List<AuditEvent> auditOf(String objectType, Long objectId) throws Exception {
        return events(
                As.superadmin(() -> audit.list(AuditFilter.ofObject(objectType, objectId), PageRequest.first(100))));
    }

    /** The newest audit entries of an action, newest first. */
    public List<AuditEvent> auditOfAction(String action) throws Exception {
        return events(As.superadmin(() ->
                audit.list(new AuditFilter(null, null, action, null, null, null, null, null), PageRequest.first(100))));
    }

    private static List<AuditEvent> events(Page<AuditEntryDto> page) {
        return page.items().stream().map(AuditEntryDto::event).toList();
    }
}
