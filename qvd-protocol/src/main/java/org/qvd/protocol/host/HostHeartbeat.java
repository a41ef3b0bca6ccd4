package org.qvd.protocol.host;

import java.util.List;
import java.util.Objects;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdEvent;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.vm.VmReport;

/**
 * Periodic sign of life with the host's capacity and the VMs it runs. Sent with a JMS time-to-live of a
 * few periods, so a stopped VMAS does not find a backlog of stale heartbeats.
 *
 * @param agentId the id of the agent process, as in its {@link HostRegistered}
 * @param sequence counts heartbeats of this agent process from 1
 * @param kinds the desktop kinds this host runs (1.2); absent from older agents, which run VMs only
 */
public record HostHeartbeat(
        String hostName,
        String correlationId,
        String agentId,
        long sequence,
        HostState state,
        HostCapacity capacity,
        List<VmReport> vms,
        List<String> kinds)
        implements HkdEvent {

    public HostHeartbeat {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(capacity, "capacity");
        vms = vms == null ? List.of() : List.copyOf(vms);
        kinds = kinds == null ? null : List.copyOf(kinds);
    }

    /** From an agent that runs VMs only (before 1.2). */
    public HostHeartbeat(
            String hostName,
            String correlationId,
            String agentId,
            long sequence,
            HostState state,
            HostCapacity capacity,
            List<VmReport> vms) {
        this(hostName, correlationId, agentId, sequence, state, capacity, vms, null);
    }
}
