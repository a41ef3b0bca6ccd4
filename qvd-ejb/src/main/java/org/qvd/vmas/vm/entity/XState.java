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

    /** This state in the protocol's vocabulary. */
    public org.qvd.protocol.state.XState wire() {
        return switch (this) {
            case STOPPED -> org.qvd.protocol.state.XState.STOPPED;
            case STARTING -> org.qvd.protocol.state.XState.STARTING;
            case PROVISIONING -> org.qvd.protocol.state.XState.PROVISIONING;
            case LISTENING -> org.qvd.protocol.state.XState.LISTENING;
            case CONNECTED -> org.qvd.protocol.state.XState.CONNECTED;
            case SUSPENDING -> org.qvd.protocol.state.XState.SUSPENDING;
            case SUSPENDED -> org.qvd.protocol.state.XState.SUSPENDED;
            case STOPPING -> org.qvd.protocol.state.XState.STOPPING;
        };
    }
}
