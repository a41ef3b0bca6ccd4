package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** State of a hypervisor host (ARCHITECTURE §3); lost means its heartbeats stopped. Blocked is a separate flag. */
public enum HostState implements WireNamed {
    STOPPED("stopped"),
    STARTING("starting"),
    RUNNING("running"),
    STOPPING("stopping"),
    LOST("lost");

    private final String wireName;

    HostState(String wireName) {
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
    public static HostState fromWire(String wireName) {
        return WireNamed.fromWire(HostState.class, "HostState", wireName);
    }
}
