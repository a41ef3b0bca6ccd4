package org.qvd.vmas.statistics.entity;

import java.util.Map;
import org.qvd.protocol.state.UserState;
import org.qvd.protocol.state.VmState;

/**
 * VMs of the scope. Every state is present (in the enum's order), with 0 when nothing is in it. {@code byUserState}:
 * disconnected, connecting, connected (a connected user per VM).
 */
public record VmCounts(long total, long blocked, Map<VmState, Long> byState, Map<UserState, Long> byUserState) {
    /** Users connected to a VM right now. */
    public long connectedUsers() {
        return byUserState.getOrDefault(UserState.CONNECTED, 0L);
    }
}
