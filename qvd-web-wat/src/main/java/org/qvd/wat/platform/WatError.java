package org.qvd.wat.platform;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of what only the WAT refuses.
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum WatError implements ErrorCode {
    DI_NO_SOURCE("di.no_source", "Choose a staged image or a file to upload."),
    DI_UPLOAD_NEEDS_OSF("di.upload_needs_osf", "Choose the OS flavour before uploading the image.");

    private final String code;
    private final String description;

    WatError(String code, String description) {
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
