package org.qvd.protocol.state;

import com.fasterxml.jackson.annotation.JsonCreator;

/** State of a user's connection to one VM (ARCHITECTURE §3). */
public enum UserState implements WireNamed {
    DISCONNECTED,
    CONNECTING,
    CONNECTED;

    /** Parses a wire name; an unknown one is a caller error, reported with the valid names. */
    @JsonCreator
    public static UserState fromWire(String wireName) {
        return WireNamed.fromWire(UserState.class, "UserState", wireName);
    }
}
