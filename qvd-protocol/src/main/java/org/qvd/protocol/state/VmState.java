package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;

/** State of a VM (ARCHITECTURE §3): stopped → starting → running → stopping → stopped; zombie when a host lost track of it; debugging when kept alive although its agent is silent. */
public enum VmState implements WireNamed {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING,
    ZOMBIE,
    DEBUGGING;

    /** Parses a wire name; an unknown one is a caller error, reported with the valid names. */
    @JsonCreator
    public static VmState fromWire(String wireName) {
        return WireNamed.fromWire(VmState.class, "VmState", wireName);
    }
}
