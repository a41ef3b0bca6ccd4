package org.qvd.vmas.image.entity;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of OS flavours, disk images and their tags.
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum ImageError implements ErrorCode {
    DESKTOPKIND_INVALID("desktopkind.invalid", "Unknown desktop kind (vm or container)."),
    DI_BAD_FILE_NAME("di.bad_file_name", "The image file name is not valid."),
    DI_BAD_METADATA("di.bad_metadata", "The image's build metadata cannot be read."),
    DI_COPY_FAILED("di.copy_failed", "The image could not be copied into the image storage."),
    DI_DUPLICATE("di.duplicate", "The OS flavour already has a disk image with that version."),
    DI_EMPTY_UPLOAD("di.empty_upload", "The uploaded image is empty."),
    DI_FILE_EXISTS("di.file_exists", "The image storage already has another file of that name for this OS flavour."),
    DI_IN_USE("di.in_use", "The disk image is still used by virtual machines."),
    DI_NOT_FOUND("di.not_found", "The disk image does not exist."),
    DI_STAGING_MISSING("di.staging_missing", "That image is no longer in the staging directory."),
    DI_TAG_CONFLICT("di.tag_conflict", "That tag is already a version of another disk image."),
    DI_TAG_FIXED("di.tag_fixed", "A version tag cannot be moved or removed."),
    DI_TAG_INVALID("di.tag_invalid", "The tag name is not valid."),
    DI_TAG_RESERVED("di.tag_reserved", "That tag is reserved (head, default)."),
    DI_TAG_NOT_FOUND("di_tag.not_found", "The disk image has no such tag."),
    OSF_DUPLICATE("osf.duplicate", "The tenant already has an OS flavour with that name."),
    OSF_IN_USE("osf.in_use", "The OS flavour is still used by virtual machines."),
    OSF_INVALID("osf.invalid", "The OS flavour's settings are not valid."),
    OSF_KIND_IN_USE("osf.kind_in_use", "The kind of an OS flavour with disk images cannot change."),
    OSF_NOT_FOUND("osf.not_found", "The OS flavour does not exist.");

    private final String code;
    private final String description;

    ImageError(String code, String description) {
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
