package org.qvd.vmas.vm.boundary;

import java.time.Instant;
import java.util.Locale;
import org.qvd.protocol.state.UserState;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.state.XState;
import org.qvd.vmas.platform.audit.AuditSubject;
import org.qvd.vmas.vm.entity.LastConnection;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmRuntime;

/**
 * A VM with its runtime; states in the protocol's vocabulary ({@code wireName()} is QVD's lower-case name;
 * {@code xState} is null before the VM's agent reported one). {@code last*}: the last client connection as the L7R
 * accounted it (tunnel opened/closed, bytes each way, L7R node); null before the first one. {@code lastFailure} /
 * {@code lastFailureAt}: why and when the VM's last start failed (cleared when a new start is requested).
 * {@code kind}: what its OSF's desktops run as, {@code vm} or {@code container} (issue 17).
 */
public record VmDto(
        Long id,
        Long tenantId,
        Long userId,
        String userLogin,
        Long osfId,
        String osfName,
        String diTag,
        String name,
        String ip,
        boolean blocked,
        String description,
        Instant expirationSoft,
        Instant expirationHard,
        VmState state,
        Instant stateTs,
        String pendingCommand,
        UserState userState,
        Long hostId,
        String hostName,
        String address,
        Integer vmaPort,
        Integer xPort,
        Long currentDiId,
        String currentDiVersion,
        XState xState,
        String lastFailure,
        Instant lastFailureAt,
        Instant createdAt,
        Instant lastConnectedAt,
        Instant lastDisconnectedAt,
        Long lastBytesFromClient,
        Long lastBytesToClient,
        String lastConnectionNode,
        String kind)
        implements AuditSubject {

    public static VmDto of(Vm v) {
        VmRuntime r = v.getRuntime();
        LastConnection last = r.getLastConnection();
        return new VmDto(
                v.getId(),
                v.getUser().getTenant().getId(),
                v.getUser().getId(),
                v.getUser().getLogin(),
                v.getOsf().getId(),
                v.getOsf().getName(),
                v.getDiTag(),
                v.getName(),
                v.getIp(),
                v.isBlocked(),
                v.getDescription(),
                v.getExpirationSoft(),
                v.getExpirationHard(),
                r.getState().wire(),
                r.getStateTs(),
                wire(r.getPendingCommand()),
                r.getUserState().wire(),
                r.getHost() == null ? null : r.getHost().getId(),
                r.getHost() == null ? null : r.getHost().getName(),
                r.getAddress(),
                r.getVmaPort(),
                r.getXPort(),
                r.getCurrentDi() == null ? null : r.getCurrentDi().getId(),
                r.getCurrentDi() == null ? null : r.getCurrentDi().getVersion(),
                r.getXState(),
                r.getLastFailure(),
                r.getLastFailureAt(),
                v.getCreatedAt(),
                last == null ? null : last.getConnectedAt(),
                last == null ? null : last.getDisconnectedAt(),
                last == null ? null : last.getBytesFromClient(),
                last == null ? null : last.getBytesToClient(),
                last == null ? null : last.getNode(),
                v.getOsf().getKind().wireName());
    }

    static String wire(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String auditName() {
        return name;
    }
}
