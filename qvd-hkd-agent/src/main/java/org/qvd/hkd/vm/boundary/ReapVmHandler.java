package org.qvd.hkd.vm.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.hkd.messaging.CommandHandler;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.platform.HkdException;
import org.qvd.hkd.vm.control.BootWaits;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmLocks;
import org.qvd.hkd.vm.control.VmTeardown;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.ReapVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * ReapVm: for a zombie (a VM the VMAS no longer trusts, or one it did not expect on this host): destroys
 * it at once without asking its VMA, cleans up, reports {@code stopped}.
 */
public final class ReapVmHandler implements CommandHandler<ReapVmCommand> {

    private static final Logger LOG = Logger.getLogger(ReapVmHandler.class.getName());

    private final VmDomains domains;
    private final VmTeardown teardown;
    private final BootWaits waits;
    private final VmLocks locks;
    private final VmActivities activities;
    private final EventSink events;

    public ReapVmHandler(
            VmDomains domains,
            VmTeardown teardown,
            BootWaits waits,
            VmLocks locks,
            VmActivities activities,
            EventSink events) {
        this.domains = domains;
        this.teardown = teardown;
        this.waits = waits;
        this.locks = locks;
        this.activities = activities;
        this.events = events;
    }

    @Override
    public void handle(ReapVmCommand command) {
        long vmId = command.vmId();
        locks.withLock(vmId, () -> {
            waits.cancel(vmId);
            activities.begin(vmId, VmState.STOPPING);
            try {
                teardown.teardown(vmId);
                String reason = command.reason() == null ? "reaped" : "reaped: " + command.reason();
                LOG.info(() -> "VM " + vmId + " " + reason + " (" + command.correlationId() + ")");
                events.publish(new VmStateChanged(
                        command.hostName(), command.correlationId(), vmId, VmState.STOPPED, null, reason));
            } catch (HkdException e) {
                LOG.log(Level.WARNING, "ReapVm of VM " + vmId + " failed: " + e.getMessage());
                VmState left = domains.isRunning(vmId) ? VmState.ZOMBIE : VmState.STOPPED;
                events.publish(new CommandFailed(
                        command.hostName(), command.correlationId(), "ReapVm", vmId, left, e.getMessage()));
            } finally {
                activities.end(vmId);
            }
        });
    }
}
