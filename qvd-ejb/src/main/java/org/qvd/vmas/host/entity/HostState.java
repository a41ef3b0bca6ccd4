package org.qvd.vmas.host.entity;

import java.util.EnumSet;
import java.util.Set;

/** Host states (ARCHITECTURE §3): a host that misses its heartbeats becomes LOST until it reports again. */
public enum HostState {
    STOPPED, STARTING, RUNNING, STOPPING, LOST;

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
