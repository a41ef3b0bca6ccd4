package org.qvd.hkd.vm.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qvd.protocol.state.VmState;

/**
 * Transitional states of VMs a handler is working on right now ({@code starting}, {@code stopping}), so
 * heartbeats report them instead of libvirt's plain "running"; and when a handler last finished with a VM,
 * so a VM a handler stopped is not mistaken for one that ended on its own.
 */
public final class VmActivities {

    private final ConcurrentHashMap<Long, VmState> states = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> finishedAt = new ConcurrentHashMap<>();

    public void begin(long vmId, VmState state) {
        states.put(vmId, state);
    }

    public void end(long vmId) {
        states.remove(vmId);
        finishedAt.put(vmId, System.nanoTime());
    }

    /** Whether a handler finished work on the VM after the given {@link System#nanoTime()}. */
    public boolean handledSince(long vmId, long nanoTime) {
        Long finished = finishedAt.get(vmId);
        return finished != null && finished - nanoTime > 0;
    }

    public Optional<VmState> current(long vmId) {
        return Optional.ofNullable(states.get(vmId));
    }

    /** Every VM a handler works on now, with its transitional state. */
    public Map<Long, VmState> all() {
        return Map.copyOf(states);
    }
}
