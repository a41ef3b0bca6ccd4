package org.qvd.vmas.account.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.qvd.vmas.platform.text.Names;

/** Inputs of {@link TenantService}. */
public final class TenantRequests {

    private TenantRequests() {}

    /** A new tenant. */
    public record NewTenant(
            @NotBlank @Pattern(regexp = Names.LOGIN, message = Names.LOGIN_MESSAGE)
            String name,

            @Size(max = 1024) String description) {}

    /** Changes; null keeps the current value. */
    public record TenantUpdate(
            @Pattern(regexp = Names.LOGIN, message = Names.LOGIN_MESSAGE)
            String name,

            @Size(max = 1024) String description) {}

    /** List filter; null = any. */
    public record TenantFilter(String name, Boolean blocked) {
        public static TenantFilter any() {
            return new TenantFilter(null, null);
        }
    }
}
