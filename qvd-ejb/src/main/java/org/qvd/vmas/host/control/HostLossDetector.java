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
 * Every second: hosts whose heartbeat is older than the timeout become lost — except hosts stopping on purpose, which
 * end stopped. Separately, also every second, the VMs of lost hosts become zombies, then stopped (nothing can reach
 * them; {@link LostHostVms}) and VMs stuck starting are given up. Two jobs, so that settling hundreds of VMs (seconds
 * on a loaded node) never delays finding the next lost host: in one job, 50 hosts killed at once were found up to
 * 4.5 s after their timeout, each waiting for the VMs of the hosts found before it. Every node schedules both, but a
 * PostgreSQL advisory lock per job lets only one node per round do its work, so each runs once in the cluster.
 * A startup singleton after the schema migration, so no round runs against a schema not yet there.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HostLossDetector {

    private static final Logger LOG = Logger.getLogger(HostLossDetector.class.getName());
    /** Advisory lock keys of the two jobs; constants unique among the VMAS's cluster-wide jobs. */
    private static final long CLUSTER_LOCK = 0x51564401L;

    private static final long SETTLE_LOCK = 0x51564402L;

    private static final List<HostState> ALIVE = List.of(HostState.RUNNING, HostState.STARTING);

    /*
     * Each round starts with ONE statement that takes the job's lock (only one node per round does the work) and tells
     * whether there is any work: most seconds there is none, and a round used to cost 4 statements (8 with the VMs'
     * job, and a second transaction) on a node with no host at all. State names are the columns' (lower-case wire
     * names, HostStateConverter/VmStateConverter).
     */

    /** Lock; the oldest heartbeat (epoch seconds) of a host that can go silent (null: none); whether one never beat. */
    static final String HOSTS_ROUND = "SELECT pg_try_advisory_xact_lock(?1), "
            + "(SELECT EXTRACT(EPOCH FROM MIN(r.heartbeat_at)) FROM host_runtime r WHERE r.state IN ('running', 'starting', 'stopping')), "
            + "EXISTS (SELECT 1 FROM host_runtime r WHERE r.state IN ('running', 'starting', 'stopping') "
            + "AND r.heartbeat_at IS NULL)";

    /** Lock; whether a VM is still placed on a lost host; whether a VM is starting (its start may time out). */
    static final String VMS_ROUND = "SELECT pg_try_advisory_xact_lock(?1), "
            + "EXISTS (SELECT 1 FROM vm_runtime v JOIN host_runtime h ON h.host_id = v.host_id WHERE h.state = 'lost'), "
            + "EXISTS (SELECT 1 FROM vm_runtime v WHERE v.state = 'starting')";

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

    /**
     * Every second: a host is found lost within a second of its timeout. The round marks hosts only (one indexed query
     * and an update per newly lost host), so it commits at once and the loss is visible to everyone.
     */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "qvd host loss detection")
    public void check() {
        Object[] round = (Object[])
                em.createNativeQuery(HOSTS_ROUND).setParameter(1, CLUSTER_LOCK).getSingleResult();
        boolean neverBeat = Boolean.TRUE.equals(round[2]);
        if (!Boolean.TRUE.equals(round[0]) || (round[1] == null && !neverBeat)) {
            return; // another node's round, or no host that could go silent: one statement a second when idle
        }
        Instant now = Instant.now();
        Instant silentCutoff = now.minusSeconds(config.get(null, HostConfigKeys.HEARTBEAT_TIMEOUT));
        if (!neverBeat && !oldestBeat(round[1]).isBefore(silentCutoff)) {
            return; // every watched host beat within the timeout
        }
        completeStops(silentCutoff);
        markLostHosts(silentCutoff, now);
    }

    /**
     * Every second, beside {@link #check()}: the VMs of hosts found lost (committed by earlier rounds) and starts that
     * timed out. A slow round here skips its own next rounds only, never a loss detection round.
     */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "qvd lost hosts' VMs")
    public void settleVms() {
        Object[] round = (Object[])
                em.createNativeQuery(VMS_ROUND).setParameter(1, SETTLE_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(round[0])) {
            return;
        }
        if (Boolean.TRUE.equals(round[1])) {
            lostHostVms.settle(); // in its own transaction, see LostHostVms
        }
        if (Boolean.TRUE.equals(round[2])) {
            Instant now = Instant.now();
            giveUpStuckStarts(now.minusSeconds(config.get(null, HostConfigKeys.VM_START_TIMEOUT)), now);
        }
    }

    /** A stopping host whose heartbeats ended was stopped on purpose: stopped, not lost. */
    private static Instant oldestBeat(Object epochSeconds) {
        // never later than the column (microseconds): a host exactly at the cutoff is looked at, not skipped
        return Instant.ofEpochMilli((long) Math.floor(((Number) epochSeconds).doubleValue() * 1000));
    }

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

    /**
     * Only the hosts here, all in this round's transaction; their VMs follow in {@link #settleVms()}. One bulk update
     * that checks the silence again: a host that beats meanwhile stays running, and a heartbeat batch writing a host's
     * runtime at the same moment can no longer fail the round's commit (an optimistic-lock conflict on one host rolled
     * back every host the round had found, which were then found again a round or more later).
     */
    private void markLostHosts(Instant cutoff, Instant now) {
        List<HostRuntime> silent = silentSince(cutoff, ALIVE);
        if (silent.isEmpty()) {
            return;
        }
        int marked = em.createQuery(
                        "UPDATE HostRuntime r SET r.state = :lost, r.stateTs = :now, r.version = r.version + 1 "
                                + "WHERE r.hostId IN :ids AND r.state IN :alive AND (r.heartbeatAt IS NULL OR r.heartbeatAt < :cutoff)")
                .setParameter("lost", HostState.LOST)
                .setParameter("now", now)
                .setParameter(
                        "ids", silent.stream().map(h -> h.getHost().getId()).toList())
                .setParameter("alive", ALIVE)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
        for (HostRuntime host : silent) {
            LOG.warning(
                    () -> "host " + host.getHost().getName() + " lost: no heartbeat since " + host.getHeartbeatAt());
        }
        if (marked < silent.size()) {
            LOG.info(() -> (silent.size() - marked) + " of these hosts beat again just in time and stay running");
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
            notices.vmState(vm.getVm().getId(), VmState.STOPPED.wire(), reason);
            if (host != null) {
                reaper.reap(host, vm.getVm().getId(), "the VMAS gave its start up");
            }
        }
    }
}
