package org.qvd.vmas.vm.entity;

import org.qvd.vmas.platform.InvalidStateException;

/** A VM operation its current state does not allow; nothing was changed. */
public class VmStateException extends InvalidStateException {
    public VmStateException(String message) {
        super("vm.invalid_state", message);
    }

    public VmStateException(String code, String message) {
        super(code, message);
    }
}
