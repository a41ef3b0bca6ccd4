package org.qvd.vmas.config.entity;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of configuration entries.
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum ConfigError implements ErrorCode {
    INVALID_VALUE("config.invalid_value", "That value is not valid for this setting."),
    NOT_FOUND("config.not_found", "No such setting.");

    private final String code;
    private final String description;

    ConfigError(String code, String description) {
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
