package org.qvd.vmas.account.entity;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of tenants, users, administrators, roles, passwords, tokens, logins.
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum AccountError implements ErrorCode {
    ACL_NOT_FOUND("acl.not_found", "No such ACL."),
    ADMIN_DUPLICATE("admin.duplicate", "The tenant already has an administrator with that name."),
    ADMIN_NOT_FOUND("admin.not_found", "The administrator does not exist."),
    ADMIN_SELF("admin.self", "Administrators cannot do this to their own account."),
    AUTH_FAILED("auth.failed", "Wrong login or password, or the account is blocked."),
    AUTH_UNAUTHENTICATED("auth.unauthenticated", "You are not logged in as an active administrator."),
    PASSWORD_INVALID("password.invalid", "The password is not acceptable."),
    PASSWORD_TOO_SHORT("password.too_short", "The password is too short."),
    ROLE_CYCLE("role.cycle", "A role cannot inherit itself, directly or through others."),
    ROLE_DUPLICATE("role.duplicate", "A role with that name already exists."),
    ROLE_FIXED("role.fixed", "Built-in roles cannot be changed."),
    ROLE_NOT_FOUND("role.not_found", "The role does not exist."),
    ROLE_OTHER_TENANT("role.other_tenant", "The role belongs to another tenant."),
    ROLE_ROOT_SUPERADMIN_ONLY("role.root_superadmin_only", "Only a superadministrator may give or change this role."),
    TENANT_DUPLICATE("tenant.duplicate", "A tenant with that name already exists."),
    TENANT_FIXED("tenant.fixed", "The built-in tenants cannot be changed or deleted."),
    TENANT_IN_USE("tenant.in_use", "The tenant still has users, administrators or OS flavours."),
    TOKEN_VALIDITY("token.validity", "The token's validity is not acceptable."),
    USER_DUPLICATE("user.duplicate", "The tenant already has a user with that login."),
    USER_IN_USE("user.in_use", "The user still owns virtual machines."),
    USER_NOT_FOUND("user.not_found", "The user does not exist.");

    private final String code;
    private final String description;

    AccountError(String code, String description) {
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
