package org.qvd.hkd.vm.boundary;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.messaging.CommandHandler;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.platform.HkdException;
import org.qvd.hkd.vm.control.BootWaits;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmLocks;
import org.qvd.hkd.vm.control.VmTeardown;
import org.qvd.hkd.vm.control.VmaClient;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.StopVmCommand;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * StopVm: asks the VMA to power the guest off, waits up to the grace period, destroys the domain if it
 * still runs, removes the overlay and DHCP entry, reports {@code stopped}. A VM that is already gone is
 * only cleaned up and reported {@code stopped} again.
 */
public final class StopVmHandler implements CommandHandler<StopVmCommand> {

    private static final Logger LOG = Logger.getLogger(StopVmHandler.class.getName());
    private static final Duration POLL = Duration.ofMillis(500);

    private final HkdConfig config;
    private final VmDomains domains;
    private final VmTeardown teardown;
    private final VmaClient vma;
    private final BootWaits waits;
    private final VmLocks locks;
    private final VmActivities activities;
    private final EventSink events;

    public StopVmHandler(
            HkdConfig config,
            VmDomains domains,
            VmTeardown teardown,
            VmaClient vma,
            BootWaits waits,
            VmLocks locks,
            VmActivities activities,
            EventSink events) {
        this.config = config;
        this.domains = domains;
        this.teardown = teardown;
        this.vma = vma;
        this.waits = waits;
        this.locks = locks;
        this.activities = activities;
        this.events = events;
    }

    @Override
    public void handle(StopVmCommand command) {
        Duration grace = command.graceSeconds() == null
                ? config.get(HkdConfig.STOP_GRACE)
                : Duration.ofSeconds(command.graceSeconds());
        stop(command.hostName(), command.correlationId(), command.vmId(), grace);
    }

    /**
     * Stops one VM; also used by StopHost. A start still waiting for the guest is overtaken: its wait is
     * cancelled and the booting domain destroyed at once (its VMA is not up to power it off).
     */
    public void stop(String hostName, String correlationId, long vmId, Duration grace) {
        locks.withLock(vmId, () -> {
            boolean booting = waits.cancel(vmId);
            activities.begin(vmId, VmState.STOPPING);
            try {
                Optional<VmDomain> domain = domains.describe(vmId).filter(VmDomain::active);
                if (domain.isPresent()) {
                    events.publish(new VmStateChanged(hostName, correlationId, vmId, VmState.STOPPING, null, null));
                    if (booting) {
                        LOG.info(() -> "VM " + vmId + " was still booting; destroying it (" + correlationId + ")");
                        domains.destroy(vmId);
                    } else {
                        shutDown(domain.get(), grace);
                    }
                } else if (booting) {
                    events.publish(new VmStateChanged(hostName, correlationId, vmId, VmState.STOPPING, null, null));
                }
                teardown.teardown(vmId);
                LOG.info(() -> "VM " + vmId + " stopped (" + correlationId + ")");
                events.publish(new VmStateChanged(hostName, correlationId, vmId, VmState.STOPPED, null, null));
            } catch (HkdException e) {
                LOG.log(Level.WARNING, "StopVm " + correlationId + " for VM " + vmId + " failed: " + e.getMessage());
                VmState left = domains.isRunning(vmId) ? VmState.RUNNING : VmState.STOPPED;
                events.publish(new CommandFailed(hostName, correlationId, "StopVm", vmId, left, e.getMessage()));
            } finally {
                activities.end(vmId);
            }
        });
    }

    private void shutDown(VmDomain domain, Duration grace) {
        boolean asked = domain.ip() != null && vma.poweroff(domain.ip(), domain.vmaKey());
        if (!asked) {
            LOG.info(() -> "VMA of VM " + domain.vmId() + " did not take poweroff; destroying the domain");
        } else if (domains.awaitStopped(domain.vmId(), grace, POLL)) {
            return;
        } else {
            LOG.info(() -> "VM " + domain.vmId() + " still runs after " + grace.toSeconds() + " s; destroying it");
        }
        domains.destroy(domain.vmId());
    }
}
