package org.qvd.vmas.host.boundary;

import java.time.Instant;
import java.util.List;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.protocol.state.HostState;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostRuntime;
import org.qvd.vmas.platform.audit.AuditSubject;

/** A host with its runtime; {@code kinds} are the desktop kinds its agent offers ({@code vm}, {@code container}). */
public record HostDto(
        Long id,
        String name,
        String address,
        boolean blocked,
        String description,
        HostState state,
        Instant stateTs,
        Instant heartbeatAt,
        Long usableRamMb,
        Integer usableCpu,
        Double load,
        Instant createdAt,
        List<String> kinds)
        implements AuditSubject {

    public static HostDto of(Host h) {
        HostRuntime r = h.getRuntime();
        return new HostDto(
                h.getId(),
                h.getName(),
                h.getAddress(),
                h.isBlocked(),
                h.getDescription(),
                r.getState().wire(),
                r.getStateTs(),
                r.getHeartbeatAt(),
                r.getUsableRamMb(),
                r.getUsableCpu(),
                r.getLoad(),
                h.getCreatedAt(),
                r.getKinds().stream().map(DesktopKind::wireName).toList());
    }

    @Override
    public String auditName() {
        return name;
    }
}
