package org.qvd.desktop.session.control;

/** The VM does not exist or is not the user's: the same answer for both, as for an NX client. */
public class NoSuchVmException extends RuntimeException {
    public NoSuchVmException(long vmId) {
        super("no virtual machine " + vmId);
    }
}
