package org.qvd.vmas.statistics.entity;

import java.util.Map;

/**
 * VMs of the scope. States are QVD's lower-case names; every state is present, with 0 when nothing is in it.
 * {@code byUserState}: disconnected, connecting, connected (a connected user per VM).
 */
public record VmCounts(long total, long blocked, Map<String, Long> byState, Map<String, Long> byUserState) {
    /** Users connected to a VM right now. */
    public long connectedUsers() {
        return byUserState.getOrDefault("connected", 0L);
    }
}
