package org.qvd.api.metrics.boundary;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.api.metrics.control.SystemGauges;
import org.qvd.protocol.state.WireNamed;
import org.qvd.vmas.account.boundary.AdministratorService;
import org.qvd.vmas.statistics.boundary.StatisticsDto;
import org.qvd.vmas.statistics.boundary.StatisticsService;

/**
 * A read-only summary: VMs and hosts by state as the caller may see them (from the statistics service, so
 * tenant-scoped), and the system-wide connection figures for superadmins. {@code /statistics} has more.
 */
@Path("counters")
@Tag(name = "counters", description = "read-only counters")
@Produces(MediaType.APPLICATION_JSON)
public class CounterResource {

    @EJB
    StatisticsService statistics;

    @EJB
    AdministratorService admins;

    @Inject
    SystemGauges gauges;

    /** The summary. A map is null without the ACL to see VMs/hosts; connection figures are null for tenant admins. */
    @Schema(
            name = "Counters",
            description = "a map is absent without the ACL to see VMs or hosts; the connection "
                    + "figures are absent for tenant administrators")
    public record Counters(
            Map<String, Long> vmsByState,
            Map<String, Long> hostsByState,
            Long connectedUsers,
            Double connectAttempts,
            Double connectSuccesses) {}

    @GET
    @Operation(
            summary = "VMs and hosts by state; connected users and connection counters (superadmins)",
            description = "no ACL needed: every section the caller may not see is left out. VM counts are scoped to "
                    + "the caller's tenant; connectAttempts and connectSuccesses count the L7R's connection attempts "
                    + "since the server started.")
    public Counters get() {
        StatisticsDto s = statistics.summary(null, 0);
        Map<String, Long> vmCounts =
                s.vms() == null ? null : WireNamed.byName(s.vms().byState());
        Map<String, Long> hostCounts =
                s.hosts() == null ? null : WireNamed.byName(s.hosts().byState());
        if (!admins.me().superadmin()) {
            return new Counters(vmCounts, hostCounts, null, null, null);
        }
        return new Counters(
                vmCounts,
                hostCounts,
                gauges.current().connectedUsers(),
                gauges.counter(SystemGauges.CONNECT_ATTEMPTS),
                gauges.counter(SystemGauges.CONNECT_SUCCESSES));
    }
}
