package org.qvd.vmas.session.accounting;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.qvd.vmas.platform.error.NotFoundException;
import org.qvd.vmas.platform.guard.SystemCall;
import org.qvd.vmas.vm.boundary.VmDto;
import org.qvd.vmas.vm.boundary.VmRuntimeService;
import org.qvd.vmas.vm.entity.LastConnection;
import org.qvd.vmas.vm.entity.UserState;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmError;

/**
 * The L7R's connection accounting on the VM runtime, each in the same transaction as the user-state change it
 * belongs to, so that the admin never sees a connected user without the connect time, or a released VM without its
 * last connection's figures (a takeover waits for that release).
 */
@Stateless
@SystemCall
public class ConnectionAccountingService {

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @EJB
    VmRuntimeService runtime;

    /** The tunnel is about to open ({@code 101}): the user is {@code connected}, since {@code at}, through {@code node}. */
    public VmDto tunnelOpened(long vmId, @NotNull Instant at, String node) {
        runtime.userConnected(vmId);
        vm(vmId).getRuntime().recordConnection(LastConnection.opened(at, node));
        return runtime.get(vmId);
    }

    /** The tunnel closed: its times and bytes become the VM's last connection; the user is {@code disconnected}. */
    public VmDto tunnelClosed(
            long vmId,
            @NotNull Instant connectedAt,
            @NotNull Instant disconnectedAt,
            long bytesFromClient,
            long bytesToClient,
            String node) {
        Vm vm = vm(vmId);
        vm.getRuntime()
                .recordConnection(
                        LastConnection.closed(connectedAt, disconnectedAt, bytesFromClient, bytesToClient, node));
        return disconnect(vm);
    }

    /**
     * A connection ended without its figures: a holder that never let go (its node died) taken over, or one that
     * failed between {@code connected} and its tunnel. An open last connection ends now, bytes unknown, and the user
     * is {@code disconnected} so that a new connection can go on.
     */
    public VmDto connectionDropped(long vmId, @NotNull Instant at) {
        Vm vm = vm(vmId);
        LastConnection last = vm.getRuntime().getLastConnection();
        if (last != null) {
            vm.getRuntime().recordConnection(last.abandoned(at));
        }
        return disconnect(vm);
    }

    /** Already disconnected (a lost host, an admin's disconnect): keep it so, and keep the figures. */
    private VmDto disconnect(Vm vm) {
        if (vm.getRuntime().getUserState() == UserState.DISCONNECTED) {
            return VmDto.of(vm);
        }
        return runtime.userDisconnected(vm.getId());
    }

    private Vm vm(long vmId) {
        Vm vm = em.find(Vm.class, vmId);
        if (vm == null) {
            throw new NotFoundException(VmError.NOT_FOUND, vmId);
        }
        return vm;
    }
}
