package org.qvd.hkd.vm.boundary;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.control.VmaClient;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.protocol.vm.VmaState;

/**
 * Pings the VMA of every running VM no handler is busy with, and sends {@code VmaState} when a VMA stops
 * or starts answering again. The VMAS decides what to do about a silent VMA (QVD's rule: dead after a
 * number of failed pings and a time without answer); the agent only observes.
 */
public final class VmaMonitor {

    private static final Logger LOG = Logger.getLogger(VmaMonitor.class.getName());

    private final String hostName;
    private final VmDomains domains;
    private final VmActivities activities;
    private final VmaClient vma;
    private final EventSink events;
    private final Map<Long, Integer> failedPings = new ConcurrentHashMap<>();

    public VmaMonitor(String hostName, VmDomains domains, VmActivities activities, VmaClient vma, EventSink events) {
        this.hostName = hostName;
        this.domains = domains;
        this.activities = activities;
        this.vma = vma;
        this.events = events;
    }

    /** One round over the running VMs; called periodically. */
    public void check() {
        try {
            Set<Long> seen = new HashSet<>();
            for (VmDomain vm : domains.list()) {
                if (vm.active()
                        && vm.ip() != null
                        && activities.current(vm.vmId()).isEmpty()) {
                    seen.add(vm.vmId());
                    check(vm);
                }
            }
            failedPings.keySet().retainAll(seen);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "VMA monitoring round failed", e);
        }
    }

    private void check(VmDomain vm) {
        int before = failedPings.getOrDefault(vm.vmId(), 0);
        int after = vma.ping(vm.ip(), vm.vmaKey()) ? 0 : before + 1;
        failedPings.put(vm.vmId(), after);
        if ((before == 0) != (after == 0)) {
            LOG.info(() -> "VMA of VM " + vm.vmId() + (after == 0 ? " answers again" : " stopped answering"));
            events.publish(new VmaState(hostName, null, vm.vmId(), after == 0, null, after));
        }
    }
}
