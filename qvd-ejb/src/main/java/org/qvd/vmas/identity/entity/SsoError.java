package org.qvd.vmas.identity.entity;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of single sign-on for administrators. The one place they are spelled: clients, the OpenAPI document
 * and the WAT's English and Spanish texts ({@code error.<code>}) key on them, so a released code never changes.
 */
public enum SsoError implements ErrorCode {
    MAPPING_NOT_FOUND("sso.mapping_not_found", "The single sign-on role mapping does not exist."),
    INVALID_MAPPING("sso.invalid_mapping", "The single sign-on role mapping is not valid."),
    DUPLICATE_MAPPING("sso.duplicate_mapping", "The tenant already maps that claim value to that role."),
    NO_MAPPING("sso.no_mapping", "No role mapping matches the identity provider's claims."),
    AMBIGUOUS_TENANT("sso.ambiguous_tenant", "The identity provider's claims map to more than one tenant."),
    LOCAL_ADMIN("sso.local_admin", "An administrator with a local password has that name; it logs in with it."),
    BLOCKED("sso.blocked", "The administrator or its tenant is blocked.");

    private final String code;
    private final String description;

    SsoError(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String description() {
        return description;
    }
}
