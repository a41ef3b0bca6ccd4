package org.qvd.vmas.vm.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * VM runtime states (ARCHITECTURE §3, QVD inventory §4.2) and which states each may move to.
 * {@code start} is valid only from STOPPED; {@code stop} from STARTING, RUNNING, DEBUGGING.
 */
public enum VmState {
    STOPPED, STARTING, RUNNING, STOPPING, ZOMBIE, DEBUGGING;

    /** The states this one may move to. */
    public Set<VmState> next() {
        return switch (this) {
            case STOPPED -> EnumSet.of(STARTING);
            // a failed start goes straight back to STOPPED (the host reports it never ran)
            case STARTING -> EnumSet.of(RUNNING, DEBUGGING, STOPPING, STOPPED, ZOMBIE);
            case RUNNING -> EnumSet.of(STOPPING, DEBUGGING, ZOMBIE);
            case DEBUGGING -> EnumSet.of(RUNNING, STOPPING, ZOMBIE);
            case STOPPING -> EnumSet.of(STOPPED, ZOMBIE);
            case ZOMBIE -> EnumSet.of(STOPPED);
        };
    }

    public boolean canMoveTo(VmState target) {
        return next().contains(target);
    }

    /** States in which the VM occupies a host. */
    public boolean onHost() {
        return this != STOPPED;
    }
}
