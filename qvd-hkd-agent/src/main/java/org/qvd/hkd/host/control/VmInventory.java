package org.qvd.hkd.host.control;

import java.util.List;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.VmReport;

/**
 * The VMs this host holds, as reported in registrations and heartbeats: every QVD domain libvirt knows,
 * in the state a running handler gives it, else running (active) or stopped (defined but not running).
 */
public final class VmInventory {

    private final VmDomains domains;
    private final VmActivities activities;

    public VmInventory(VmDomains domains, VmActivities activities) {
        this.domains = domains;
        this.activities = activities;
    }

    public List<VmReport> vms() {
        return domains.list().stream().map(this::report).toList();
    }

    private VmReport report(VmDomain domain) {
        VmState state = activities.current(domain.vmId())
                .orElse(domain.active() ? VmState.RUNNING : VmState.STOPPED);
        return new VmReport(domain.vmId(), domain.domainName(), state, domain.ip(), domain.mac(), domain.memoryMb());
    }
}
