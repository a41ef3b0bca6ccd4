package org.qvd.vmas.host.entity;

import org.qvd.vmas.platform.error.InvalidStateException;

/** A host operation its current state does not allow. */
public class HostStateException extends InvalidStateException {
    public HostStateException(String message) {
        super(HostError.INVALID_STATE, message);
    }

    /** A refusal with a more specific stable code (e.g. {@code host.not_running}). */
    public HostStateException(HostError code, String message) {
        super(code, message);
    }
}
