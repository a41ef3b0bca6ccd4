package org.qvd.vmas.vm.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * VM runtime states (ARCHITECTURE §3, QVD inventory §4.2) and which states each may move to.
 * {@code start} is valid only from STOPPED; {@code stop} from STARTING, RUNNING, DEBUGGING.
 */
public enum VmState {
    STOPPED,
    STARTING,
    RUNNING,
    STOPPING,
    ZOMBIE,
    DEBUGGING;

    /**
     * The state a host reports (protocol vocabulary). Exhaustive switches both ways: a state added on one side does
     * not compile until it is mapped on the other, rather than failing at run time.
     */
    public static VmState of(org.qvd.protocol.state.VmState reported) {
        return switch (reported) {
            case STOPPED -> STOPPED;
            case STARTING -> STARTING;
            case RUNNING -> RUNNING;
            case STOPPING -> STOPPING;
            case ZOMBIE -> ZOMBIE;
            case DEBUGGING -> DEBUGGING;
        };
    }

    /** This state in the protocol's vocabulary. */
    public org.qvd.protocol.state.VmState wire() {
        return switch (this) {
            case STOPPED -> org.qvd.protocol.state.VmState.STOPPED;
            case STARTING -> org.qvd.protocol.state.VmState.STARTING;
            case RUNNING -> org.qvd.protocol.state.VmState.RUNNING;
            case STOPPING -> org.qvd.protocol.state.VmState.STOPPING;
            case ZOMBIE -> org.qvd.protocol.state.VmState.ZOMBIE;
            case DEBUGGING -> org.qvd.protocol.state.VmState.DEBUGGING;
        };
    }

    /** The lower-case name of the wire, the database, notices and DTOs. */
    public String wireName() {
        return wire().wireName();
    }

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
