package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** State of a VM (ARCHITECTURE §3): stopped → starting → running → stopping → stopped; zombie when a host lost track of it; debugging when kept alive although its agent is silent. */
public enum VmState implements WireNamed {
    STOPPED("stopped"),
    STARTING("starting"),
    RUNNING("running"),
    STOPPING("stopping"),
    ZOMBIE("zombie"),
    DEBUGGING("debugging");

    private final String wireName;

    VmState(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used on the wire and in the database. */
    @Override
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name; an unknown one is a caller error, reported with the valid names. */
    @JsonCreator
    public static VmState fromWire(String wireName) {
        return WireNamed.fromWire(VmState.class, "VmState", wireName);
    }
}
