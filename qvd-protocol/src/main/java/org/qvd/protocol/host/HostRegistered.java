package org.qvd.protocol.host;

import java.util.List;
import java.util.Objects;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdEvent;
import org.qvd.protocol.vm.VmReport;

/**
 * An HKD (re)joined: sent at start and after every reconnection to the broker. {@code vms} lists every
 * QVD domain the host holds, so the VMAS can reconcile: VMs it believes run there but are missing become
 * {@code stopped}; listed VMs it does not expect there get a {@code ReapVm}.
 *
 * @param agentId random id of this agent process; a new one means the agent restarted
 * @param heartbeatPeriodMs how often heartbeats follow; the VMAS derives its loss timeout from it
 * @param kinds the desktop kinds this host runs ({@link org.qvd.protocol.state.DesktopKind} wire names, 1.2);
 *     absent from older agents, which run VMs only
 */
public record HostRegistered(
        String hostName,
        String correlationId,
        String agentId,
        String agentVersion,
        String libvirtUri,
        String domainType,
        long heartbeatPeriodMs,
        HostCapacity capacity,
        List<VmReport> vms,
        List<String> kinds)
        implements HkdEvent {

    public HostRegistered {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(capacity, "capacity");
        vms = vms == null ? List.of() : List.copyOf(vms);
        kinds = kinds == null ? null : List.copyOf(kinds);
        if (heartbeatPeriodMs <= 0) {
            throw new IllegalArgumentException("heartbeatPeriodMs must be positive");
        }
    }

    /** From an agent that runs VMs only (before 1.2). */
    public HostRegistered(
            String hostName,
            String correlationId,
            String agentId,
            String agentVersion,
            String libvirtUri,
            String domainType,
            long heartbeatPeriodMs,
            HostCapacity capacity,
            List<VmReport> vms) {
        this(
                hostName,
                correlationId,
                agentId,
                agentVersion,
                libvirtUri,
                domainType,
                heartbeatPeriodMs,
                capacity,
                vms,
                null);
    }
}
