package org.qvd.api.vm.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.protocol.state.WireNamed;
import org.qvd.vmas.vm.boundary.VmStateHistoryDto;

/** One state change of a VM. */
@Schema(name = "VmStateChange", description = "one state change of a VM")
public record VmStateChangeRepresentation(
        Instant at,
        String fromState,
        String toState,
        @Schema(description = "the host the VM was on") Long hostId,

        @Schema(description = "why, e.g. the failure of a start")
        String reason) {

    static VmStateChangeRepresentation of(VmStateHistoryDto h) {
        return new VmStateChangeRepresentation(
                h.at(), WireNamed.nameOf(h.fromState()), h.toState().wireName(), h.hostId(), h.reason());
    }
}
