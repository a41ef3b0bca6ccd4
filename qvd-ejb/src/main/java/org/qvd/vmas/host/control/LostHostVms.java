package org.qvd.vmas.host.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.session.notice.Notices;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;
import org.qvd.vmas.vm.entity.VmStateSettler;

/**
 * The VMs of lost hosts: zombies, then stopped (nothing can reach them). Separate from marking the hosts lost, in a
 * transaction of its own, so that 50 hosts lost at once are seen lost at once (their 500 VMs, two history rows and a
 * notice each, took seconds more in the same transaction) and a round never holds more than {@link #PER_ROUND} VMs.
 * Only {@link HostLossDetector} calls it, while it holds the cluster's lock of the job.
 */
@Stateless
public class LostHostVms {

    static final int PER_ROUND = 1000;
    private static final String ON_LOST_HOSTS =
            "SELECT r FROM VmRuntime r JOIN FETCH r.host WHERE r.host.runtime.state = :lost";

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    Notices notices;

    /** Settles the VMs still placed on hosts marked lost by earlier (committed) rounds; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int settle() {
        Instant now = Instant.now();
        int settled = 0;
        for (VmRuntime vm : em.createQuery(ON_LOST_HOSTS, VmRuntime.class)
                .setParameter("lost", HostState.LOST)
                .setMaxResults(PER_ROUND)
                .getResultList()) {
            String reason = "host " + vm.getHost().getName() + " lost";
            VmStateSettler.settle(em, vm, VmState.ZOMBIE, reason, now);
            VmStateSettler.settle(em, vm, VmState.STOPPED, reason, now);
            notices.vmState(vm.getVm().getId(), VmState.STOPPED.wire(), reason);
            settled++;
        }
        return settled;
    }
}
