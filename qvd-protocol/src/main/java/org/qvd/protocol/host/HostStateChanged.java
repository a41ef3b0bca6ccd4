package org.qvd.protocol.host;

import java.util.Objects;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.HkdEvent;
import org.qvd.protocol.state.HostState;

/** The host's agent is {@code stopping} (after a StopHost or a signal) or has {@code stopped} all its VMs. */
public record HostStateChanged(String hostName, String correlationId, HostState state, String reason)
        implements HkdEvent {

    public HostStateChanged {
        Destinations.requireValidHostName(hostName);
        Objects.requireNonNull(state, "state");
    }
}
