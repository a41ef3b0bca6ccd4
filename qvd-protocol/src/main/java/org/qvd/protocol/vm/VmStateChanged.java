package org.qvd.protocol.vm;

import java.util.Objects;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdEvent;
import org.qvd.protocol.state.VmState;

/**
 * A VM changed state on the sending host. {@code correlationId} is the command that caused it, if any.
 *
 * @param ip the VM's address while it runs
 * @param reason why, when the change was not asked for (e.g. the guest powered itself off)
 */
public record VmStateChanged(String hostName, String correlationId, long vmId, VmState state, String ip, String reason)
        implements HkdEvent {

    public VmStateChanged {
        Destinations.requireValidHostName(hostName);
        VmIds.requirePositive(vmId);
        Objects.requireNonNull(state, "state");
    }
}
