package org.qvd.vmas.host.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.host.entity.HostRuntime;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.session.notice.Notices;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;
import org.qvd.vmas.vm.entity.VmStateSettler;

/**
 * Every second: hosts whose heartbeat is older than the timeout become lost, and in the next round their VMs
 * zombies, then stopped (nothing can reach them; {@link LostHostVms}) — except hosts stopping on purpose, which end stopped; VMs stuck
 * starting are given up. Every node schedules it, but a PostgreSQL advisory lock lets only one node per
 * round do the work, so it runs once in the cluster.
 * A startup singleton after the schema migration, so no round runs against a schema not yet there.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HostLossDetector {

    private static final Logger LOG = Logger.getLogger(HostLossDetector.class.getName());
    /** Advisory lock key of this job; any constant unique among the VMAS's cluster-wide jobs. */
    private static final long CLUSTER_LOCK = 0x51564401L;

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    ConfigResolver config;

    @Inject
    HostShutdown shutdown;

    @Inject
    OrphanReaper reaper;

    /** Tells waiting L7R connections on every node (they wait by event, not by polling). */
    @Inject
    Notices notices;

    @Inject
    LostHostVms lostHostVms;

    /** Every second: a host is found lost within a second of its timeout (a round costs one indexed query). */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "qvd host loss detection")
    public void check() {
        Boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + CLUSTER_LOCK + ")")
                .getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return;
        }
        Instant now = Instant.now();
        Instant silentCutoff = now.minusSeconds(config.get(null, HostConfigKeys.HEARTBEAT_TIMEOUT));
        completeStops(silentCutoff);
        lostHostVms.settle(); // of hosts lost in earlier rounds: in its own transaction, see LostHostVms
        markLostHosts(silentCutoff, now);
        giveUpStuckStarts(now.minusSeconds(config.get(null, HostConfigKeys.VM_START_TIMEOUT)), now);
    }

    /** A stopping host whose heartbeats ended was stopped on purpose: stopped, not lost. */
    private void completeStops(Instant cutoff) {
        for (HostRuntime host : silentSince(cutoff, List.of(HostState.STOPPING))) {
            shutdown.complete(host.getHost(), "host " + host.getHost().getName() + " stopped: its heartbeats ended");
        }
    }

    private List<HostRuntime> silentSince(Instant cutoff, List<HostState> states) {
        return em.createQuery(
                        "SELECT r FROM HostRuntime r WHERE r.state IN :states "
                                + "AND (r.heartbeatAt IS NULL OR r.heartbeatAt < :cutoff)",
                        HostRuntime.class)
                .setParameter("states", states)
                .setParameter("cutoff", cutoff)
                .getResultList();
    }

    /** Only the hosts here, all in this round's transaction; their VMs follow in the next round ({@link LostHostVms}). */
    private void markLostHosts(Instant cutoff, Instant now) {
        for (HostRuntime host : silentSince(cutoff, List.of(HostState.RUNNING, HostState.STARTING))) {
            LOG.warning(
                    () -> "host " + host.getHost().getName() + " lost: no heartbeat since " + host.getHeartbeatAt());
            host.moveTo(HostState.LOST, now);
        }
    }

    private void giveUpStuckStarts(Instant cutoff, Instant now) {
        for (VmRuntime vm : em.createQuery(
                        "SELECT r FROM VmRuntime r WHERE r.state = :starting AND r.stateTs < :cutoff", VmRuntime.class)
                .setParameter("starting", VmState.STARTING)
                .setParameter("cutoff", cutoff)
                .getResultList()) {
            String host = vm.getHost() == null ? null : vm.getHost().getName();
            String reason = "start timed out: VMA not answering after "
                    + java.time.Duration.between(vm.getStateTs(), now).toSeconds() + " s";
            VmStateSettler.settle(em, vm, VmState.STOPPED, reason, now);
            notices.vmState(vm.getVm().getId(), "stopped", reason);
            if (host != null) {
                reaper.reap(host, vm.getVm().getId(), "the VMAS gave its start up");
            }
        }
    }
}
