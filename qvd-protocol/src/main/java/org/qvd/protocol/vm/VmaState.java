package org.qvd.protocol.vm;

import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdEvent;
import org.qvd.protocol.state.XState;

/**
 * What the HKD's monitor last saw of a running VM's agent: whether it answers and, if known, the state
 * of its X session. Sent when that changes.
 *
 * @param failedPings consecutive pings that got no answer (0 while it answers)
 */
public record VmaState(
        String hostName, String correlationId, long vmId, boolean responding, XState xState, int failedPings)
        implements HkdEvent {

    public VmaState {
        Destinations.requireValidHostName(hostName);
        VmIds.requirePositive(vmId);
    }
}
