package org.qvd.vmas.totp.entity;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of administrators' second factor (TOTP).
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum TotpError implements ErrorCode {
    ENROLLED("totp.enrolled", "A second factor is already active: disable it first."),
    NO_ADMIN("totp.no_admin", "Only an administrator has a second factor."),
    NOT_ENROLLED("totp.not_enrolled", "No second factor is active."),
    WRONG_CODE("totp.wrong_code", "The code is wrong, expired or used already.");

    private final String code;
    private final String description;

    TotpError(String code, String description) {
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
