package org.qvd.vmas.platform.guard;

import java.util.Set;
import org.qvd.vmas.platform.error.ForbiddenException;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.error.PlatformError;

/**
 * The administrator on whose behalf a service runs, with the effective ACLs of its roles.
 * Tenant 0 ({@code *}) holds the superadmins, who see every tenant.
 */
public record Caller(Long adminId, String adminName, long tenantId, String tenantName, Set<String> acls) {

    public static final long SUPERTENANT_ID = 0L;
    private static final Caller SYSTEM = new Caller(null, "system", SUPERTENANT_ID, "*", Set.of());

    public Caller {
        acls = Set.copyOf(acls);
    }

    /** The identity of system components (L7R, HKD events, timers) in the audit log. */
    public static Caller system() {
        return SYSTEM;
    }

    public boolean superadmin() {
        return tenantId == SUPERTENANT_ID;
    }

    public String principal() {
        return adminName + "@" + tenantName;
    }

    public boolean has(String acl) {
        return acls.contains(acl);
    }

    public void require(String acl) {
        if (!has(acl)) {
            throw ForbiddenException.missingAcl(acl);
        }
    }

    public void requireSuperadmin(String what) {
        if (!superadmin()) {
            throw ForbiddenException.superadminOnly(what);
        }
    }

    /** Whether objects of this tenant are visible to the caller. */
    public boolean sees(long objectTenantId) {
        return superadmin() || tenantId == objectTenantId;
    }

    /** The tenant to restrict a list to: a superadmin's optional choice, else always the caller's own. */
    public Long listScope(Long requestedTenantId) {
        return superadmin() ? requestedTenantId : Long.valueOf(tenantId);
    }

    /**
     * The tenant that a new tenant-owned object belongs to: superadmins must name one (not {@code *}),
     * other admins may only name their own (or none).
     */
    public long owningTenant(Long requestedTenantId) {
        if (superadmin()) {
            if (requestedTenantId == null || requestedTenantId == SUPERTENANT_ID) {
                throw new InvalidInputException(
                        PlatformError.TENANT_REQUIRED,
                        "a superadministrator must name the tenant the object belongs to");
            }
            return requestedTenantId;
        }
        if (requestedTenantId != null && requestedTenantId != tenantId) {
            throw new NotFoundException(PlatformError.TENANT_NOT_FOUND, requestedTenantId);
        }
        return tenantId;
    }
}
