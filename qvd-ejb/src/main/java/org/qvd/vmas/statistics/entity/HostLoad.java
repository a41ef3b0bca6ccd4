package org.qvd.vmas.statistics.entity;

import java.time.Instant;
import org.qvd.protocol.state.HostState;

/** One host's share of the farm: the VMs (of the counted scope) on it, its load and free RAM. */
public record HostLoad(
        long id,
        String name,
        HostState state,
        boolean blocked,
        long vmCount,
        Double load,
        Long freeRamMb,
        Integer cpus,
        Instant heartbeatAt) {}
