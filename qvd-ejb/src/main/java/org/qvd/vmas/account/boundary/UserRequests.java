package org.qvd.vmas.account.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.qvd.vmas.platform.text.Names;

/** Inputs of {@link UserService}. */
public final class UserRequests {

    private UserRequests() {}

    /** A new user; tenantId is required for superadmins, optional (own tenant) for others. */
    public record NewUser(
            Long tenantId,

            @NotBlank @Pattern(regexp = Names.LOGIN, message = Names.LOGIN_MESSAGE)
            String login,

            @NotBlank @Size(max = 72) String password,
            @Size(max = 1024) String description) {}

    /** Changes; null keeps the current value. */
    public record UserUpdate(@Size(max = 1024) String description) {}

    /** List filter; null = any. */
    public record UserFilter(Long tenantId, String login, Boolean blocked) {
        public static UserFilter any() {
            return new UserFilter(null, null, null);
        }
    }
}
