package org.qvd.api.host.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.vmas.host.boundary.HostDto;

/** A host with its runtime as the API shows it. */
@Schema(name = "Host", description = "a hypervisor node running a host agent (HKD)")
public record HostRepresentation(
        Long id,
        String name,

        @Schema(description = "the address the host is reached at")
        String address,

        @Schema(description = "a blocked host gets no new VMs")
        boolean blocked,

        String description,

        @Schema(description = "the host's state; lost when its heartbeats stopped")
        String state,

        @Schema(description = "when the state last changed") Instant stateTs,
        @Schema(description = "the agent's last heartbeat") Instant heartbeatAt,

        @Schema(description = "RAM the host offers to VMs, in MiB")
        Long usableRamMb,

        @Schema(description = "CPUs the host offers to VMs") Integer usableCpu,

        @Schema(description = "the host's load average, as its agent reports it")
        Double load,

        Instant createdAt,

        @Schema(description = "the desktop kinds its agent offers (read only)")
        List<String> kinds) {

    static HostRepresentation of(HostDto h) {
        return new HostRepresentation(
                h.id(),
                h.name(),
                h.address(),
                h.blocked(),
                h.description(),
                h.state().wireName(),
                h.stateTs(),
                h.heartbeatAt(),
                h.usableRamMb(),
                h.usableCpu(),
                h.load(),
                h.createdAt(),
                h.kinds());
    }
}
