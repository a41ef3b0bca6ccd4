package org.qvd.protocol.vm;

import java.time.Instant;
import java.util.Objects;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdCommand;

/**
 * Delete the home disk of a VM the VMAS has deleted with an explicit purge (the only way a home disk is ever
 * deleted). The VMAS sends it to every running host: the one whose homes pool holds the volume (local or shared
 * storage) deletes it, the others find none. Nothing is answered on success; a host that cannot delete an existing
 * volume (for instance because a domain of that VM still runs there) answers {@code CommandFailed}.
 */
public record PurgeHomeCommand(String hostName, String correlationId, long vmId, Instant deadline)
        implements HkdCommand {

    public PurgeHomeCommand {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(correlationId, "correlationId");
        VmIds.requirePositive(vmId);
    }

    /** Without a deadline (the sender adds it). */
    public PurgeHomeCommand(String hostName, String correlationId, long vmId) {
        this(hostName, correlationId, vmId, null);
    }

    @Override
    public PurgeHomeCommand withDeadline(Instant newDeadline) {
        return new PurgeHomeCommand(hostName, correlationId, vmId, newDeadline);
    }
}
