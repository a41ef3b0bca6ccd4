package org.qvd.protocol.vm;

import java.time.Instant;
import java.util.Objects;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdCommand;

/** Reap a zombie VM: destroy it at once without asking its VMA, clean up, report {@code stopped}. */
public record ReapVmCommand(String hostName, String correlationId, long vmId, Instant deadline)
        implements HkdCommand {

    public ReapVmCommand {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(correlationId, "correlationId");
        VmIds.requirePositive(vmId);
    }

    /** Without a deadline (the sender adds it). */
    public ReapVmCommand(String hostName, String correlationId, long vmId) {
        this(hostName, correlationId, vmId, null);
    }

    @Override
    public ReapVmCommand withDeadline(Instant newDeadline) {
        return new ReapVmCommand(hostName, correlationId, vmId, newDeadline);
    }
}
