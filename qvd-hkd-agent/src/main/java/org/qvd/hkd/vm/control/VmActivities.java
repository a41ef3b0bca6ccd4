package org.qvd.hkd.vm.control;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qvd.protocol.state.VmState;

/**
 * Transitional states of VMs a handler is working on right now ({@code starting}, {@code stopping}), so
 * heartbeats report them instead of libvirt's plain "running".
 */
public final class VmActivities {

    private final ConcurrentHashMap<Long, VmState> states = new ConcurrentHashMap<>();

    public void begin(long vmId, VmState state) {
        states.put(vmId, state);
    }

    public void end(long vmId) {
        states.remove(vmId);
    }

    public Optional<VmState> current(long vmId) {
        return Optional.ofNullable(states.get(vmId));
    }
}
