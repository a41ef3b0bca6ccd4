package org.qvd.hkd.host.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.qvd.hkd.vm.control.VmActivities;
import org.qvd.hkd.vm.control.VmDomains;
import org.qvd.hkd.vm.entity.VmDomain;
import org.qvd.hkd.vm.entity.VmNames;
import org.qvd.protocol.state.VmState;
import org.qvd.protocol.vm.VmReport;

/**
 * The VMs this host holds, as reported in registrations and heartbeats: every QVD domain libvirt knows,
 * in the state a running handler gives it, else running (active) or stopped (defined but not running); and
 * every VM a start is preparing whose domain does not exist yet (disks and domain creation can take a minute on
 * a busy host: the VMAS must not take a start missing from the report for a lost one), and every VM a stop is still
 * tearing down after its domain or container ended (the VMAS must not call it stopped, and let the VM start again,
 * while its overlay, network entry and container directory are still being removed: a start that came in then
 * was overtaken by the stop's own late {@code stopped}, stop 23's guest tier).
 */
public final class VmInventory {

    private final DomainSurvey survey;
    private final VmActivities activities;

    public VmInventory(VmDomains domains, VmActivities activities) {
        this(new DomainSurvey(domains::list), activities);
    }

    public VmInventory(DomainSurvey survey, VmActivities activities) {
        this.survey = survey;
        this.activities = activities;
    }

    /** Every VM, with libvirt's answer however long it takes (registrations: the VMAS reconciles on it). */
    public List<VmReport> vms() {
        return reportsOf(survey.now());
    }

    /**
     * Every VM, waiting for libvirt at most {@code bound} (heartbeats); past it, libvirt's last list with the
     * current starts and stops of this agent, which it knows without asking libvirt.
     */
    public List<VmReport> vms(Duration bound) {
        return reportsOf(survey.within(bound));
    }

    private List<VmReport> reportsOf(List<VmDomain> domains) {
        List<VmReport> reports =
                new ArrayList<>(domains.stream().map(this::report).toList());
        Set<Long> listed = reports.stream().map(VmReport::vmId).collect(Collectors.toSet());
        activities.all().forEach((vmId, state) -> {
            if ((state == VmState.STARTING || state == VmState.STOPPING) && !listed.contains(vmId)) {
                reports.add(new VmReport(vmId, VmNames.domainName(vmId), state, null, null, 0));
            }
        });
        return reports;
    }

    private VmReport report(VmDomain domain) {
        VmState state = activities.current(domain.vmId()).orElse(domain.active() ? VmState.RUNNING : VmState.STOPPED);
        return new VmReport(domain.vmId(), domain.domainName(), state, domain.ip(), domain.mac(), domain.memoryMb());
    }
}
