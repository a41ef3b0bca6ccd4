package org.qvd.api.statistics.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.qvd.vmas.statistics.boundary.StatisticsService;

/** The dashboard's numbers in one call, as the caller may see them. */
@Path("statistics")
@Tag(name = "statistics", description = "counts of users, VMs and hosts; per-host load; VMs close to expiry")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    @EJB
    StatisticsService statistics;

    @GET
    @Operation(
            summary = "Counts of users, VMs, hosts, OSFs and DIs; per-host VMs, load and free RAM; VMs close to expiry",
            description = "Tenant administrators always get their own tenant; superadmins every tenant or `tenantId`. "
                    + "No ACL needed: a section is absent when the caller lacks its `<object>.see` ACL. `expiring` (0.."
                    + StatisticsService.MAX_EXPIRING + ", default 10): how many VMs with the soonest soft/hard "
                    + "expiry to list (400 `validation.failed` outside that range).")
    public StatisticsRepresentation get(
            @QueryParam("tenantId") Long tenantId, @QueryParam("expiring") @DefaultValue("10") int expiring) {
        return StatisticsRepresentation.of(statistics.summary(tenantId, expiring));
    }
}
