package org.qvd.host.entity;

import org.qvd.vmas.platform.InvalidStateException;

/** A host operation its current state does not allow. */
public class HostStateException extends InvalidStateException {
    public HostStateException(String message) {
        super("host.invalid_state", message);
    }
}
