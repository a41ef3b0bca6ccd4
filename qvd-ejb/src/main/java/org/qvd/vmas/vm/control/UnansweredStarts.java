package org.qvd.vmas.vm.control;

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
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;

/**
 * Every 5 seconds: a start whose host has not shown it has it (no heartbeat listed the VM, no report on it) within
 * {@link VmConfigKeys#START_RESEND_AFTER} of its sending is sent again, unchanged ({@link VmLifecycle#resendStart}).
 * In a cluster, a command sent in the instant a node dies can be routed toward that node and held there until it
 * comes back (docs/cluster.md); the copy reaches the agent wherever it is connected now. The heartbeats' own check
 * still stops a start its host never lists ({@code HostEvents}), so a host that never takes it gets a few copies
 * at most. Runs once in the cluster per round (a PostgreSQL advisory lock, as {@code HostLossDetector}'s jobs).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UnansweredStarts {

    /** Advisory lock key of this job; unique among the VMAS's cluster-wide jobs (HostLossDetector has ...01, ...02). */
    private static final long LOCK = 0x51564403L;

    /** Lock; whether a start waits for a running host to take it: one statement a round when there is none. */
    static final String ROUND = "SELECT pg_try_advisory_xact_lock(?1), EXISTS (SELECT 1 FROM vm_runtime v "
            + "JOIN host_runtime h ON h.host_id = v.host_id WHERE v.state = 'starting' AND v.start_taken_at IS NULL "
            + "AND v.start_sent_at < ?2 AND h.state = 'running')";

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    ConfigResolver config;

    @Inject
    VmLifecycle lifecycle;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "qvd unanswered starts")
    public void resend() {
        Instant cutoff = Instant.now().minusSeconds(config.get(null, VmConfigKeys.START_RESEND_AFTER));
        Object[] round = (Object[]) em.createNativeQuery(ROUND)
                .setParameter(1, LOCK)
                .setParameter(2, cutoff)
                .getSingleResult();
        if (!Boolean.TRUE.equals(round[0]) || !Boolean.TRUE.equals(round[1])) {
            return;
        }
        em.createQuery(
                        "SELECT r FROM VmRuntime r WHERE r.state = :starting AND r.startTakenAt IS NULL "
                                + "AND r.startSentAt < :cutoff AND r.host.runtime.state = :running",
                        VmRuntime.class)
                .setParameter("starting", VmState.STARTING)
                .setParameter("cutoff", cutoff)
                .setParameter("running", HostState.RUNNING)
                .getResultList()
                .forEach(lifecycle::resendStart);
    }
}
