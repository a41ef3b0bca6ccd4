package org.qvd.protocol.vm;

import java.time.Instant;
import java.util.Objects;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdCommand;

/**
 * Stop one VM: ask its VMA to power off, destroy it after a grace period, clean up its overlay (unless
 * persistent) and DHCP entry, then report {@code stopped}.
 *
 * @param graceSeconds how long to wait for the guest to power off; {@code null} for the host's default
 * @param deadline see {@link HkdCommand#deadline()}
 */
public record StopVmCommand(String hostName, String correlationId, long vmId, Integer graceSeconds, Instant deadline)
        implements HkdCommand {

    public StopVmCommand {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(correlationId, "correlationId");
        VmIds.requirePositive(vmId);
        if (graceSeconds != null && graceSeconds < 0) {
            throw new IllegalArgumentException("graceSeconds must not be negative");
        }
    }

    /** Without a deadline (the sender adds it). */
    public StopVmCommand(String hostName, String correlationId, long vmId, Integer graceSeconds) {
        this(hostName, correlationId, vmId, graceSeconds, null);
    }

    @Override
    public StopVmCommand withDeadline(Instant newDeadline) {
        return new StopVmCommand(hostName, correlationId, vmId, graceSeconds, newDeadline);
    }
}
