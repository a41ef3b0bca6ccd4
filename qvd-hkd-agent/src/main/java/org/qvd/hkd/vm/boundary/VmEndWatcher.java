package org.qvd.hkd.vm.boundary;

import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmLocks;
import org.qvd.hkd.vm.control.VmTeardown;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.hkd.vm.entity.VmNames;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.VmStateChanged;

/**
 * Notices VMs whose domain ended without a command (the user powered the guest off, the guest crashed):
 * cleans up their overlay and DHCP entry and reports {@code stopped} with the reason, so nothing is left
 * behind and the VMAS need not infer it from a heartbeat.
 */
public final class VmEndWatcher {

    private static final Logger LOG = Logger.getLogger(VmEndWatcher.class.getName());

    private final String hostName;
    private final VmDomains domains;
    private final VmTeardown teardown;
    private final VmLocks locks;
    private final VmActivities activities;
    private final EventSink events;
    private Set<Long> lastActive = new HashSet<>();
    private long lastCheck = System.nanoTime();

    public VmEndWatcher(
            String hostName,
            VmDomains domains,
            VmTeardown teardown,
            VmLocks locks,
            VmActivities activities,
            EventSink events) {
        this.hostName = hostName;
        this.domains = domains;
        this.teardown = teardown;
        this.locks = locks;
        this.activities = activities;
        this.events = events;
    }

    /** Compares the running VMs with the previous check; called periodically. */
    public synchronized void check() {
        try {
            long now = System.nanoTime();
            Set<Long> active = domains.list().stream()
                    .filter(VmDomain::active)
                    .map(VmDomain::vmId)
                    .collect(Collectors.toSet());
            for (long vmId : lastActive) {
                if (!active.contains(vmId)) {
                    ended(vmId, lastCheck);
                }
            }
            lastActive = active;
            lastCheck = now;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "checking for ended VMs failed", e);
        }
    }

    private void ended(long vmId, long since) {
        locks.withLock(vmId, () -> {
            if (activities.current(vmId).isPresent()
                    || activities.handledSince(vmId, since)
                    || domains.isRunning(vmId)) {
                return; // a command stopped or restarted it: its handler reported that
            }
            String reason = "domain " + VmNames.domainName(vmId) + " ended on its own (guest powered off or crashed)";
            LOG.info(() -> "VM " + vmId + ": " + reason);
            teardown.teardown(vmId);
            events.publish(new VmStateChanged(hostName, null, vmId, VmState.STOPPED, null, reason));
        });
    }
}
