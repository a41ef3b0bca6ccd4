package org.qvd.vmas.directory.entity;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of a tenant's user directory (LDAP).
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum DirectoryError implements ErrorCode {
    DUPLICATE("directory.duplicate", "The tenant already has a directory."),
    INVALID_SETTINGS("directory.invalid_settings", "The directory's settings are not valid."),
    NOT_FOUND("directory.not_found", "The directory does not exist."),
    UNAVAILABLE("directory.unavailable", "The directory server cannot be reached now; try again later.");

    private final String code;
    private final String description;

    DirectoryError(String code, String description) {
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
