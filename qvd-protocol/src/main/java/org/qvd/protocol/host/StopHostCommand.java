package org.qvd.protocol.host;

import java.time.Instant;
import java.util.Objects;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdCommand;

/** Stop every VM on the host, report {@code stopped} for each and for the host, then end the agent. */
public record StopHostCommand(String hostName, String correlationId, Instant deadline) implements HkdCommand {

    public StopHostCommand {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** Without a deadline (the sender adds it). */
    public StopHostCommand(String hostName, String correlationId) {
        this(hostName, correlationId, null);
    }

    @Override
    public StopHostCommand withDeadline(Instant newDeadline) {
        return new StopHostCommand(hostName, correlationId, newDeadline);
    }
}
