package org.qvd.vmas.vm.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.message.HkdCommand;
import org.qvd.protocol.vm.VmStateChanged;
import org.qvd.protocol.vm.VmaState;
import org.qvd.protocol.vma.VmaPorts;
import org.qvd.vmas.session.notice.Notices;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;
import org.qvd.vmas.vm.entity.VmStateSettler;

/**
 * The asynchronous half of a VM's start and stop: what a host reports about one of its VMs (state changes, its VMA's
 * X state, a command that failed) applied to the VM's runtime, each through the state machine, with a notice for the
 * L7R nodes that wait on it. Only reports from the host the VMAS placed the VM on count; a duplicate changes nothing.
 * The synchronous half (placement, StartVm) is {@link VmLifecycle}.
 */
@Stateless
public class VmEvents {

    private static final Logger LOG = Logger.getLogger(VmEvents.class.getName());

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /** L7R nodes wait for VM states through these notices (sent when this transaction commits). */
    @Inject
    Notices notices;

    public void stateChanged(VmStateChanged event) {
        VmRuntime runtime = runtimeOnHost(event.vmId(), event.hostName());
        if (runtime == null) {
            return;
        }
        VmState target = VmState.of(event.state());
        if (target != VmState.RUNNING && ofAnEarlierCommand(runtime, event.correlationId())) {
            LOG.info(() -> "ignoring " + event.state().wireName() + " of VM " + event.vmId() + " from "
                    + event.hostName() + ": it answers " + event.correlationId() + ", the VM starts again with "
                    + runtime.getStartCommandId());
            return;
        }
        runtime.startTaken(Instant.now()); // any report on the VM: its host has the start, if one is in flight
        if (target == VmState.RUNNING && runtime.getState() != VmState.RUNNING) {
            if (!runtime.getState().canMoveTo(VmState.RUNNING)) {
                // e.g. a restarted agent reporting a guest that answers again while the VMAS stops it: the stop wins
                LOG.info(() -> "ignoring running of VM " + event.vmId() + " from " + event.hostName() + ": it is "
                        + runtime.getState().wireName());
                return;
            }
            String ip = event.ip() != null ? event.ip() : runtime.getVm().getIp();
            em.persist(runtime.running(ip, VmaPorts.HTTP, VmaPorts.NX, null, Instant.now()));
            notice(runtime, null);
        } else if (target != VmState.RUNNING) {
            if (VmStateSettler.settle(em, runtime, target, event.reason(), Instant.now())) {
                notice(runtime, event.reason());
            }
        }
    }

    public void vmaState(VmaState event) {
        VmRuntime runtime = runtimeOnHost(event.vmId(), event.hostName());
        if (runtime != null && event.xState() != null) {
            runtime.xState(event.xState(), Instant.now());
        }
    }

    public void commandFailed(CommandFailed event) {
        LOG.warning(() -> "host " + event.hostName() + " failed " + event.commandType() + " (" + event.correlationId()
                + ") of VM " + event.vmId() + ": " + event.reason());
        if (event.vmId() == null) {
            return;
        }
        VmRuntime runtime = runtimeOnHost(event.vmId(), event.hostName());
        if (runtime == null) {
            return;
        }
        if (!"StartVm".equals(event.commandType()) && ofAnEarlierCommand(runtime, event.correlationId())) {
            LOG.info(() -> "VM " + event.vmId() + " starts again with " + runtime.getStartCommandId()
                    + ": the failure of an earlier " + event.commandType() + " does not end that start");
            return;
        }
        if (HkdCommand.EXPIRED.equals(event.reason())) {
            // the host did nothing: only a start still waiting for that host ends (its command is gone)
            if (runtime.getState() == VmState.STARTING && "StartVm".equals(event.commandType())) {
                String reason = "start expired before host " + event.hostName() + " took it";
                if (VmStateSettler.settle(em, runtime, VmState.STOPPED, reason, Instant.now())) {
                    notice(runtime, reason);
                }
            }
            return;
        }
        String reason = fit(event.commandType() + " failed on host " + event.hostName() + ": " + event.reason());
        VmState target = runtime.getState() == VmState.STARTING ? VmState.STOPPED : VmState.ZOMBIE;
        if (VmStateSettler.settle(em, runtime, target, reason, Instant.now())) {
            notice(runtime, reason);
        }
    }

    /**
     * A report that answers another command than the start in flight: e.g. a stop whose host was still tearing the VM
     * down when the VMAS already had it stopped and started again. It says nothing about the new start (the host runs
     * a VM's commands one after another, so the start comes after it), and must not end it. Reports of no command (a
     * VM that ended on its own) and the start's own still count.
     */
    private static boolean ofAnEarlierCommand(VmRuntime runtime, String correlationId) {
        return runtime.getState() == VmState.STARTING
                && runtime.getStartCommandId() != null
                && correlationId != null
                && !correlationId.equals(runtime.getStartCommandId());
    }

    private void notice(VmRuntime runtime, String reason) {
        notices.vmState(runtime.getVm().getId(), runtime.getState().wire(), reason);
    }

    /** A host's reason may quote a whole qemu-img command line: keep it within the VM's last-failure column. */
    static String fit(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
    }

    private VmRuntime runtimeOnHost(long vmId, String hostName) {
        Vm vm = em.find(Vm.class, vmId);
        if (vm == null
                || vm.getRuntime().getHost() == null
                || !vm.getRuntime().getHost().getName().equals(hostName)) {
            LOG.info(() ->
                    "ignoring a report of VM " + vmId + " from " + hostName + ": the VMAS does not place it there");
            return null;
        }
        return vm.getRuntime();
    }
}
