package org.qvd.vmas.vm.boundary;

import java.time.Instant;
import org.qvd.protocol.state.VmState;
import org.qvd.vmas.vm.entity.VmStateHistory;

/** One recorded state change of a VM; {@code fromState} is null for the first one. */
public record VmStateHistoryDto(Instant at, VmState fromState, VmState toState, Long hostId, String reason) {
    public static VmStateHistoryDto of(VmStateHistory h) {
        return new VmStateHistoryDto(
                h.getAt(),
                h.getFromState() == null ? null : h.getFromState().wire(),
                h.getToState().wire(),
                h.getHostId(),
                h.getReason());
    }
}
