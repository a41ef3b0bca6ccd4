package org.qvd.vmas.host.entity;

import java.util.EnumSet;
import java.util.Set;

/** Host states (ARCHITECTURE §3): a host that misses its heartbeats becomes LOST until it reports again. */
public enum HostState {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING,
    LOST;

    /** The state a host reports of itself (protocol vocabulary); exhaustive, like {@link #wire()}. */
    public static HostState of(org.qvd.protocol.state.HostState reported) {
        return switch (reported) {
            case STOPPED -> STOPPED;
            case STARTING -> STARTING;
            case RUNNING -> RUNNING;
            case STOPPING -> STOPPING;
            case LOST -> LOST;
        };
    }

    /** This state in the protocol's vocabulary. */
    public org.qvd.protocol.state.HostState wire() {
        return switch (this) {
            case STOPPED -> org.qvd.protocol.state.HostState.STOPPED;
            case STARTING -> org.qvd.protocol.state.HostState.STARTING;
            case RUNNING -> org.qvd.protocol.state.HostState.RUNNING;
            case STOPPING -> org.qvd.protocol.state.HostState.STOPPING;
            case LOST -> org.qvd.protocol.state.HostState.LOST;
        };
    }

    /** The lower-case name of the wire, the database and DTOs. */
    public String wireName() {
        return wire().wireName();
    }

    public Set<HostState> next() {
        return switch (this) {
            case STOPPED -> EnumSet.of(STARTING, RUNNING);
            case STARTING -> EnumSet.of(RUNNING, STOPPING, STOPPED, LOST);
            case RUNNING -> EnumSet.of(STOPPING, LOST);
            case STOPPING -> EnumSet.of(STOPPED, LOST);
            case LOST -> EnumSet.of(STARTING, RUNNING, STOPPED);
        };
    }

    public boolean canMoveTo(HostState target) {
        return next().contains(target);
    }
}
