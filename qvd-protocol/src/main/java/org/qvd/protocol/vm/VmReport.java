package org.qvd.protocol.vm;

import java.util.Objects;
import org.qvd.protocol.state.VmState;

/** One VM a host runs (or holds a domain for), as listed in its registration and heartbeats. */
public record VmReport(long vmId, String domainName, VmState state, String ip, String mac, int memoryMb) {

    public VmReport {
        VmIds.requirePositive(vmId);
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(state, "state");
    }
}
