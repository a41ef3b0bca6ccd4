package org.qvd.vmas.vm.entity;

import org.qvd.vmas.platform.error.InvalidStateException;

/** A VM operation its current state does not allow; nothing was changed. */
public class VmStateException extends InvalidStateException {
    public VmStateException(String message) {
        super(VmError.INVALID_STATE, message);
    }

    public VmStateException(VmError code, String message) {
        super(code, message);
    }
}
