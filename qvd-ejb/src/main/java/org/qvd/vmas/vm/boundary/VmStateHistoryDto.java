package org.qvd.vmas.vm.boundary;

import java.time.Instant;
import org.qvd.vmas.vm.entity.VmStateHistory;

/** One recorded state change of a VM. */
public record VmStateHistoryDto(Instant at, String fromState, String toState, Long hostId, String reason) {
    public static VmStateHistoryDto of(VmStateHistory h) {
        return new VmStateHistoryDto(
                h.getAt(), VmDto.wire(h.getFromState()), VmDto.wire(h.getToState()), h.getHostId(), h.getReason());
    }
}
