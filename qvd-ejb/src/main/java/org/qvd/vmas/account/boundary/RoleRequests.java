package org.qvd.vmas.account.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Inputs of {@link RoleService}. */
public final class RoleRequests {

    private RoleRequests() {}

    /** A new role in a tenant (required for superadmins, own tenant for others). */
    public record NewRole(
            Long tenantId,
            @NotBlank @Size(max = 64) String name,
            @Size(max = 1024) String description) {}

    /** Changes; null keeps the current value. */
    public record RoleUpdate(
            @Size(min = 1, max = 64) String name,
            @Size(max = 1024) String description) {}

    /** List filter; null = any. Fixed shared roles are always listed. */
    public record RoleFilter(Long tenantId, String name) {
        public static RoleFilter any() {
            return new RoleFilter(null, null);
        }
    }
}
