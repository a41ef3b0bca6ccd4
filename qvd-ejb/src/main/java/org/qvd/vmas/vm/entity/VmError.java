package org.qvd.vmas.vm.entity;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of virtual machines: states, placement, images, the VM network.
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum VmError implements ErrorCode {
    BLOCKED("vm.blocked", "The virtual machine is blocked."),
    CONTAINER_LIMITS("vm.container_limits", "The OS flavour's container limits are not valid."),
    DUPLICATE("vm.duplicate", "The user already has a VM with that name."),
    EXPIRATION_INVALID("vm.expiration_invalid", "The expiry times are not valid."),
    IMAGE_KIND("vm.image_kind", "The disk image does not fit the OS flavour's kind."),
    IMAGE_NOT_PLACED("vm.image_not_placed", "The disk image's files are not in the image storage."),
    INVALID_STATE("vm.invalid_state", "The virtual machine's state does not allow this."),
    IP_EXHAUSTED("vm.ip_exhausted", "No free IP address is left in the VM network range."),
    IP_INVALID("vm.ip_invalid", "That is not a valid IPv4 address."),
    IP_OUT_OF_RANGE("vm.ip_out_of_range", "The IP address is outside the VM network range."),
    IP_RANGE_INVALID("vm.ip_range_invalid", "The VM network range is not valid."),
    IP_TAKEN("vm.ip_taken", "Another virtual machine already has that IP address."),
    NO_HOST("vm.no_host", "No running, unblocked node can take this virtual machine now."),
    NO_IMAGE("vm.no_image", "The OS flavour has no disk image for the VM's tag."),
    NOT_FOUND("vm.not_found", "The virtual machine does not exist."),
    NOT_RUNNING("vm.not_running", "The virtual machine is not running."),
    OSF_OTHER_TENANT("vm.osf_other_tenant", "The OS flavour belongs to another tenant than the user."),
    PURGE_NO_HOST("vm.purge_no_host", "No node runs to delete the home disk; the VM was kept."),
    VMSTATE_INVALID("vmstate.invalid", "Unknown virtual machine state.");

    private final String code;
    private final String description;

    VmError(String code, String description) {
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
