package org.qvd.vmas.vm.entity;

/** The X session inside the VM as the VMA reports it (recorded, not enforced: the VMA is the authority). */
public enum XState {
    STOPPED,
    STARTING,
    PROVISIONING,
    LISTENING,
    CONNECTED,
    SUSPENDING,
    SUSPENDED,
    STOPPING;

    /** The X state a VMA reports (protocol vocabulary); exhaustive, so an added state must be mapped to compile. */
    public static XState of(org.qvd.protocol.state.XState reported) {
        return switch (reported) {
            case STOPPED -> STOPPED;
            case STARTING -> STARTING;
            case PROVISIONING -> PROVISIONING;
            case LISTENING -> LISTENING;
            case CONNECTED -> CONNECTED;
            case SUSPENDING -> SUSPENDING;
            case SUSPENDED -> SUSPENDED;
            case STOPPING -> STOPPING;
        };
    }
}
