package org.qvd.protocol.message;

import java.util.Objects;
import org.qvd.protocol.state.VmState;

/**
 * An expected failure of a command: the HKD could not do what was asked and says why. For VM commands
 * {@code vmState} tells where the VM is left on this host (a failed start is cleaned up: {@code stopped}).
 */
public record CommandFailed(
        String hostName, String correlationId, String commandType, Long vmId, VmState vmState, String reason)
        implements HkdEvent {

    public CommandFailed {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(reason, "reason");
    }
}
