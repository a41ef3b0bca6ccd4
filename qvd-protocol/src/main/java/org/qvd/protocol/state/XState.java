package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;

/** State of the X session inside a VM, as the VMA reports it (ARCHITECTURE §3). */
public enum XState implements WireNamed {
    STOPPED,
    STARTING,
    PROVISIONING,
    LISTENING,
    CONNECTED,
    SUSPENDING,
    SUSPENDED,
    STOPPING;

    /** Parses a wire name; an unknown one is a caller error, reported with the valid names. */
    @JsonCreator
    public static XState fromWire(String wireName) {
        return WireNamed.fromWire(XState.class, "XState", wireName);
    }
}
