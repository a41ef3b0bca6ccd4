package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** State of the X session inside a VM, as the VMA reports it (ARCHITECTURE §3). */
public enum XState implements WireNamed {
    STOPPED("stopped"),
    STARTING("starting"),
    PROVISIONING("provisioning"),
    LISTENING("listening"),
    CONNECTED("connected"),
    SUSPENDING("suspending"),
    SUSPENDED("suspended"),
    STOPPING("stopping");

    private final String wireName;

    XState(String wireName) {
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
    public static XState fromWire(String wireName) {
        return WireNamed.fromWire(XState.class, "XState", wireName);
    }
}
