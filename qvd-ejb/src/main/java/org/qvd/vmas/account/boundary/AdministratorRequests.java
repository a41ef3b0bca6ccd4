package org.qvd.vmas.account.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.qvd.vmas.platform.text.Names;

/** Inputs of {@link AdministratorService}. */
public final class AdministratorRequests {

    private AdministratorRequests() {}

    /** A new administrator; tenantId may name tenant 0 only for a superadmin creating another superadmin. */
    public record NewAdministrator(
            Long tenantId,

            @NotBlank @Pattern(regexp = Names.LOGIN, message = Names.LOGIN_MESSAGE)
            String name,

            @NotBlank @Size(max = 72) String password,
            @Size(max = 1024) String description) {}

    /** Changes; null keeps the current value. */
    public record AdministratorUpdate(@Size(max = 1024) String description) {}

    /** List filter; null = any. */
    public record AdministratorFilter(Long tenantId, String name, Boolean blocked) {
        public static AdministratorFilter any() {
            return new AdministratorFilter(null, null, null);
        }
    }
}
