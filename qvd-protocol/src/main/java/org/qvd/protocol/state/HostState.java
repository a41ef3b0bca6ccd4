package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;

/** State of a hypervisor host (ARCHITECTURE §3); lost means its heartbeats stopped. Blocked is a separate flag. */
public enum HostState implements WireNamed {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING,
    LOST;

    /** Parses a wire name; an unknown one is a caller error, reported with the valid names. */
    @JsonCreator
    public static HostState fromWire(String wireName) {
        return WireNamed.fromWire(HostState.class, "HostState", wireName);
    }
}
