package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** State of a user's connection to one VM (ARCHITECTURE §3). */
public enum UserState implements WireNamed {
    DISCONNECTED("disconnected"),
    CONNECTING("connecting"),
    CONNECTED("connected");

    private final String wireName;

    UserState(String wireName) {
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
    public static UserState fromWire(String wireName) {
        return WireNamed.fromWire(UserState.class, "UserState", wireName);
    }
}
