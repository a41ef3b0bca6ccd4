package org.qvd.vmas.property.entity;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of properties of users, VMs, hosts, OSFs and DIs.
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum PropertyError implements ErrorCode {
    NOT_FOUND("property.not_found", "No such property.");

    private final String code;
    private final String description;

    PropertyError(String code, String description) {
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
