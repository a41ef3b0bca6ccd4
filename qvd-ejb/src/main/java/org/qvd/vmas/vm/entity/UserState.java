package org.qvd.vmas.vm.entity;

import java.util.EnumSet;
import java.util.Set;

/** A user's connection to a VM: disconnected → connecting → connected → disconnected (connected → connecting = takeover). */
public enum UserState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED;

    public Set<UserState> next() {
        return switch (this) {
            case DISCONNECTED -> EnumSet.of(CONNECTING);
            case CONNECTING -> EnumSet.of(CONNECTED, DISCONNECTED);
            case CONNECTED -> EnumSet.of(DISCONNECTED, CONNECTING);
        };
    }

    /** This state in the protocol's vocabulary; exhaustive, so an added state must be mapped to compile. */
    public org.qvd.protocol.state.UserState wire() {
        return switch (this) {
            case DISCONNECTED -> org.qvd.protocol.state.UserState.DISCONNECTED;
            case CONNECTING -> org.qvd.protocol.state.UserState.CONNECTING;
            case CONNECTED -> org.qvd.protocol.state.UserState.CONNECTED;
        };
    }

    public boolean canMoveTo(UserState target) {
        return next().contains(target);
    }
}
