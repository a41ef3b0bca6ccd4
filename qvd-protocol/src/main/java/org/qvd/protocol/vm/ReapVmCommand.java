package org.qvd.protocol.vm;

import java.time.Instant;
import java.util.Objects;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdCommand;

/**
 * Reap a zombie VM: destroy it at once without asking its VMA, clean up, report {@code stopped}.
 *
 * @param reason optional (1.1): why the VMAS reaps it, for the host's log and the {@code stopped} report
 * @param deadline see {@link HkdCommand#deadline()}
 */
public record ReapVmCommand(String hostName, String correlationId, long vmId, String reason, Instant deadline)
        implements HkdCommand {

    public ReapVmCommand {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(correlationId, "correlationId");
        VmIds.requirePositive(vmId);
    }

    /** Without a reason or deadline (the sender adds the deadline). */
    public ReapVmCommand(String hostName, String correlationId, long vmId) {
        this(hostName, correlationId, vmId, null, null);
    }

    @Override
    public ReapVmCommand withDeadline(Instant newDeadline) {
        return new ReapVmCommand(hostName, correlationId, vmId, reason, newDeadline);
    }
}
