package org.qvd.vmas.host.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.qvd.protocol.host.StopHostCommand;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostRuntime;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.session.notice.Notices;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;
import org.qvd.vmas.vm.entity.VmStateSettler;

/**
 * A host stopped on purpose: {@code running → stopping} with StopHost sent in the caller's transaction
 * (the command leaves only if the state change commits), then {@code stopping → stopped} when the agent
 * reports it stopped or its heartbeats end. Its VMs go {@code stopping} with the host and end {@code stopped};
 * a stopped host is never counted as lost.
 */
@Stateless
public class HostShutdown {

    private static final Logger LOG = Logger.getLogger(HostShutdown.class.getName());
    private static final String VMS_ON_HOST = "SELECT r FROM VmRuntime r WHERE r.host = :host";

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    HostCommandSender commands;

    /** L7R nodes waiting for one of the host's VMs learn it is going away. */
    @Inject
    Notices notices;

    /**
     * Refused with {@code host.not_running} (nothing changed, nothing sent) unless the host runs. The host's
     * runtime and its VMs' are read again under a row lock first: the agent's heartbeats and VM events write
     * them every few seconds, and an admin's stop must wait for such a write rather than fail on the version it
     * read before (409 {@code concurrent_update}); an event that loses is redelivered and applies to the new state.
     */
    public void begin(Host host) {
        em.refresh(host.getRuntime(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        host.getRuntime().requestStop(now);
        String reason = "host " + host.getName() + " stopping";
        for (VmRuntime vm : em.createQuery(VMS_ON_HOST, VmRuntime.class)
                .setParameter("host", host)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            if (vm.getState().canMoveTo(VmState.STOPPING)) {
                em.persist(vm.moveTo(VmState.STOPPING, reason, now));
                notices.vmState(vm.getVm().getId(), VmState.STOPPING.wire(), reason);
            }
        }
        commands.send(new StopHostCommand(host.getName(), HostCommandSender.newCorrelationId()));
    }

    /**
     * The host is stopped: every VM still placed on it ends {@code stopped} with {@code reason}. Idempotent: a
     * host already stopped changes nothing. A running host that reports stopped (a StopHost the VMAS did not
     * send) passes through {@code stopping}, as the state machine asks.
     */
    public void complete(Host host, String reason) {
        HostRuntime runtime = host.getRuntime();
        if (runtime.getState() == HostState.STOPPED) {
            return;
        }
        Instant now = Instant.now();
        if (runtime.getState() == HostState.RUNNING) {
            runtime.moveTo(HostState.STOPPING, now);
        }
        runtime.moveTo(HostState.STOPPED, now);
        LOG.info(() -> "host " + host.getName() + " stopped: " + reason);
        for (VmRuntime vm : vmsOn(host)) {
            if (VmStateSettler.settle(em, vm, VmState.STOPPED, reason, now)) {
                notices.vmState(vm.getVm().getId(), VmState.STOPPED.wire(), reason);
            }
        }
    }

    private List<VmRuntime> vmsOn(Host host) {
        return em.createQuery(VMS_ON_HOST, VmRuntime.class)
                .setParameter("host", host)
                .getResultList();
    }
}
