package org.qvd.metrics.boundary;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.account.boundary.AdministratorService;
import org.qvd.host.boundary.HostRequests.HostFilter;
import org.qvd.host.boundary.HostService;
import org.qvd.metrics.control.SystemGauges;
import org.qvd.vm.boundary.VmRequests.VmFilter;
import org.qvd.vm.boundary.VmService;
import org.qvd.vmas.platform.PageRequest;

/**
 * A read-only summary: VMs and hosts by state as the caller may see them (through the services, so
 * tenant-scoped), and the system-wide connection figures for superadmins.
 */
@Path("counters")
@Tag(name = "counters", description = "read-only counters")
@Produces(MediaType.APPLICATION_JSON)
public class CounterResource {

    @EJB
    VmService vms;

    @EJB
    HostService hosts;

    @EJB
    AdministratorService admins;

    @Inject
    SystemGauges gauges;

    /** The summary. Connection figures are null for tenant administrators. */
    public record Counters(Map<String, Long> vmsByState, Map<String, Long> hostsByState, Long connectedUsers,
            Double connectAttempts, Double connectSuccesses) {
    }

    @GET
    @Operation(summary = "VMs and hosts by state; connected users and connection counters (superadmins)")
    public Counters get() {
        Map<String, Long> vmCounts = new LinkedHashMap<>();
        for (String state : SystemGauges.VM_STATES) {
            vmCounts.put(state, vms.list(new VmFilter(null, null, null, null, null, state, null),
                    PageRequest.first(1)).total());
        }
        Map<String, Long> hostCounts = new LinkedHashMap<>();
        for (String state : SystemGauges.HOST_STATES) {
            hostCounts.put(state, hosts.list(new HostFilter(null, state, null), PageRequest.first(1)).total());
        }
        if (!admins.me().superadmin()) {
            return new Counters(vmCounts, hostCounts, null, null, null);
        }
        return new Counters(vmCounts, hostCounts, gauges.current().connectedUsers(),
                gauges.counter(SystemGauges.CONNECT_ATTEMPTS), gauges.counter(SystemGauges.CONNECT_SUCCESSES));
    }
}
