package org.qvd.vmas.platform.error;

/**
 * Error codes of cross-cutting refusals: validation, paging, concurrency, permissions, the caller's tenant, and internal errors.
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum PlatformError implements ErrorCode {
    ACL_FORBIDDEN("acl.forbidden", "You are missing the permission (ACL) this needs."),
    ACL_SUPERADMIN_ONLY("acl.superadmin_only", "Only a superadministrator may do this."),
    CONCURRENT_UPDATE("concurrent_update", "Someone else changed this at the same time; try again."),
    DUPLICATE("duplicate", "Something with that name already exists."),
    IN_USE("in_use", "It is still used by something else."),
    INTERNAL("internal", "Internal error."),
    PAGE_INVALID("page.invalid", "The page or page size is not valid."),
    SORT_INVALID("sort.invalid", "The list cannot be sorted by that field."),
    TENANT_NOT_FOUND("tenant.not_found", "The tenant does not exist."),
    TENANT_REQUIRED("tenant.required", "Name the tenant this applies to."),
    VALIDATION_FAILED("validation.failed", "Some input is not valid.");

    private final String code;
    private final String description;

    PlatformError(String code, String description) {
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
