package org.qvd.l7r.session.entity;

/**
 * An expected failure while preparing a VM for a client (no host capacity, start failed, VMA refused, takeover timed
 * out...). Its message is safe to show: the client receives
 * {@code 503 The requested virtual machine is not available: <message>, retry later.}
 * Any other exception is logged with an error id and only the id is shown.
 */
public class VmUnavailableException extends RuntimeException {

    public VmUnavailableException(String reason) {
        super(reason);
    }

    public VmUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
