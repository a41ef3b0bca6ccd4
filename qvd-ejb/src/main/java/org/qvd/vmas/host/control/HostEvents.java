package org.qvd.vmas.host.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.qvd.protocol.host.HostCapacity;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.host.HostStateChanged;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.protocol.vm.VmReport;
import org.qvd.vmas.config.control.ConfigResolver;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.host.entity.HostRuntime;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.session.notice.Notices;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;
import org.qvd.vmas.vm.entity.VmStateSettler;

/**
 * Applies what the HKDs report about themselves to the hosts' runtimes: registrations, heartbeats (with the
 * reconciliation of the VMs they list) and host state changes; what they report about one VM is {@code VmEvents}'s.
 * Every event is idempotent: a duplicate finds the state already in place and changes nothing. A host the VMAS does
 * not know yet is registered by its first message (hosts join over JMS).
 */
@Stateless
public class HostEvents {

    private static final Logger LOG = Logger.getLogger(HostEvents.class.getName());
    /** A VM starting for less than this may not show up in a heartbeat yet (the command is in flight). */
    private static final Duration START_GRACE = Duration.ofSeconds(30);
    // ids only: a heartbeat that agrees with the database (the usual case) loads no VM entity (each cost 3-5 selects)
    private static final String VMS_ON_HOST = "SELECT r.vm.id FROM VmRuntime r WHERE r.host = :host";

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    @Inject
    HostShutdown shutdown;

    @Inject
    OrphanReaper reaper;

    @Inject
    ConfigResolver config;

    /** L7R nodes wait for VM states through these notices (sent when this transaction commits). */
    @Inject
    Notices notices;

    public void registered(HostRegistered event) {
        Host host = findOrRegister(event.hostName());
        beat(host.getRuntime(), event.capacity());
        host.getRuntime().offer(DesktopKind.known(event.kinds() == null ? List.of("vm") : event.kinds()));
        reconcile(host, event.vms(), vmIdsOn(host), Instant.now());
    }

    /**
     * A heartbeat keeps the host alive. While the host stops it only says the agent still lives (its VM events
     * settle the VMs). A host stopped on purpose is not revived by the agent's last beats still in flight: one
     * that says it is stopping, or any within a heartbeat timeout of the stop (a restarted agent registers first).
     * A host that never beat (just created or joined) is revived by any heartbeat.
     */
    public void heartbeat(HostHeartbeat event) {
        Host host = findOrRegister(event.hostName());
        heartbeat(host, vmIdsOn(host), event, Instant.now());
    }

    /**
     * The same with the host and the ids of the VMs the VMAS places on it already loaded ({@link HeartbeatBatch} loads
     * them for many beats in two queries) and the time the beat arrived: a VM whose state changed after that is not
     * judged by it (the newer state stands; the next beat tells again).
     */
    public void heartbeat(Host host, List<Long> vmIdsOnHost, HostHeartbeat event, Instant receivedAt) {
        HostRuntime runtime = host.getRuntime();
        if (runtime.getState() == HostState.STOPPED && runtime.getHeartbeatAt() != null && isStale(runtime, event)) {
            LOG.fine(() -> "host " + host.getName() + " is stopped: a late heartbeat ignored");
            return;
        }
        beat(runtime, event.capacity());
        runtime.offer(DesktopKind.known(event.kinds() == null ? List.of("vm") : event.kinds()));
        if (runtime.getState() != HostState.STOPPING) {
            reconcile(host, event.vms(), vmIdsOnHost, receivedAt);
        }
    }

    /** What the agent says of itself: {@code stopped} ends a stop (its VMs are stopped); others move the state. */
    public void hostStateChanged(HostStateChanged event) {
        Host host = findOrRegister(event.hostName());
        HostState target = HostState.of(event.state());
        if (target == HostState.STOPPED) {
            shutdown.complete(host, "host " + host.getName() + " stopped");
        } else if (host.getRuntime().getState() != target
                && host.getRuntime().getState().canMoveTo(target)) {
            host.getRuntime().moveTo(target, Instant.now());
        }
    }

    private boolean isStale(HostRuntime runtime, HostHeartbeat event) {
        if (event.state() != org.qvd.protocol.state.HostState.RUNNING) {
            return true;
        }
        int timeout = config.get(null, HostConfigKeys.HEARTBEAT_TIMEOUT);
        return runtime.getStateTs().isAfter(Instant.now().minusSeconds(timeout));
    }

    private void notice(VmRuntime runtime, String reason) {
        notices.vmState(runtime.getVm().getId(), runtime.getState().wire(), reason);
    }

    private void beat(HostRuntime runtime, HostCapacity capacity) {
        runtime.heartbeat(Instant.now(), capacity.ramFreeMb(), capacity.cpus(), capacity.load1());
    }

    /**
     * Makes the VMAS agree with what a host runs. VMs the VMAS places there but the host does not run are
     * stopped, except starts younger than {@link #START_GRACE}; VMs the host
     * runs that the VMAS does not expect there are reaped, so nothing is orphaned.
     */
    private void reconcile(Host host, List<VmReport> reported, List<Long> vmIdsOnHost, Instant asOf) {
        Map<Long, VmReport> byId =
                reported.stream().collect(Collectors.toMap(VmReport::vmId, Function.identity(), (a, b) -> a));
        Instant now = Instant.now();
        List<Long> starting = new ArrayList<>();
        for (Long vmId : vmIdsOnHost) {
            VmReport listed = byId.remove(vmId);
            if (listed != null) {
                if (listed.state() == org.qvd.protocol.state.VmState.STARTING) {
                    starting.add(vmId);
                }
                continue;
            }
            VmRuntime runtime = em.find(VmRuntime.class, vmId);
            if (runtime.getStateTs().isAfter(asOf)) {
                continue; // e.g. reported running by an event that came after this beat
            }
            boolean inFlight = runtime.getState() == VmState.STARTING
                    && runtime.getStateTs().isAfter(now.minus(START_GRACE));
            String reason = "host " + host.getName() + " does not run it";
            // a start just sent may still wait in the host's queue, also for an agent that has just registered:
            // its outcome (or the start timeout) settles it, not a report made before the agent took it
            if (!inFlight && VmStateSettler.settle(em, runtime, VmState.STOPPED, reason, now)) {
                notice(runtime, reason);
            }
        }
        markStartsTaken(starting, now);
        for (VmReport orphan : byId.values()) {
            if (orphan.state() == org.qvd.protocol.state.VmState.STOPPING) {
                continue; // its host is already stopping it (a stop still tearing down): it ends by itself
            }
            Vm vm = em.find(Vm.class, orphan.vmId());
            if (vm != null && vm.getRuntime().getStateTs().isAfter(asOf)) {
                continue; // placed or moved after this beat
            }
            reaper.reap(
                    host.getName(),
                    orphan.vmId(),
                    "host " + host.getName() + " runs it but the VMAS " + whereIs(orphan.vmId()));
        }
    }

    /**
     * The host lists these VMs as starting: their starts reached it, and are not sent again (UnansweredStarts). One
     * statement, only for a beat that lists a start: most beats list none, and loading each VM would cost selects.
     */
    private void markStartsTaken(List<Long> vmIds, Instant now) {
        if (vmIds.isEmpty()) {
            return;
        }
        em.createQuery("UPDATE VmRuntime r SET r.startTakenAt = :now WHERE r.vmId IN :ids AND r.state = :starting "
                        + "AND r.startTakenAt IS NULL")
                .setParameter("now", now)
                .setParameter("ids", vmIds)
                .setParameter("starting", VmState.STARTING)
                .executeUpdate();
    }

    private String whereIs(long vmId) {
        Vm vm = em.find(Vm.class, vmId);
        if (vm == null) {
            return "has no VM " + vmId;
        }
        VmRuntime runtime = vm.getRuntime();
        return runtime.getHost() == null
                ? "has it " + runtime.getState().wireName()
                : "places it on host " + runtime.getHost().getName();
    }

    private List<Long> vmIdsOn(Host host) {
        return em.createQuery(VMS_ON_HOST, Long.class)
                .setParameter("host", host)
                .getResultList();
    }

    /** The host of that name, registered by this message if the VMAS does not know it yet (hosts join over JMS). */
    public Host findOrRegister(String hostName) {
        List<Host> found = em.createNamedQuery(Host.BY_NAME, Host.class)
                .setParameter("name", hostName)
                .getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        LOG.info(() -> "host " + hostName + " joined");
        Host host = new Host(hostName, hostName, "joined over JMS");
        em.persist(host);
        return host;
    }
}
