package org.qvd.vmas.host.entity;

import org.qvd.vmas.platform.error.ErrorCode;

/**
 * Error codes of hosts and their agents.
 * The one place they are spelled: clients, the OpenAPI document and the WAT's English and Spanish texts
 * ({@code error.<code>} in the WAT's messages) key on them, so a released code never changes.
 */
public enum HostError implements ErrorCode {
    DUPLICATE("host.duplicate", "A node with that name already exists."),
    DUPLICATE_ADDRESS("host.duplicate_address", "A node with that address already exists."),
    HOSTSTATE_INVALID("hoststate.invalid", "Unknown node state."),
    IN_USE("host.in_use", "The node still runs virtual machines."),
    INVALID_STATE("host.invalid_state", "The node's state does not allow this."),
    NOT_FOUND("host.not_found", "The node does not exist."),
    NOT_RUNNING("host.not_running", "The node is not running: it cannot be stopped.");

    private final String code;
    private final String description;

    HostError(String code, String description) {
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
