package org.qvd.vmas.statistics.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.qvd.vmas.platform.guard.Caller;
import org.qvd.vmas.platform.guard.CurrentCaller;
import org.qvd.vmas.platform.guard.RequiresAcl;
import org.qvd.vmas.platform.guard.SystemCall;
import org.qvd.vmas.statistics.control.StatisticsQueries;
import org.qvd.vmas.vm.boundary.VmDto;

/**
 * Counts of the farm in one call, with a few grouped queries: for the WAT dashboard, REST, the CLI and the
 * Prometheus gauges. Any administrator may ask; each section needs the ACL that lists those objects (a
 * missing one leaves the section null), and tenant administrators only count their own tenant.
 */
@Stateless
public class StatisticsService {

    /** The most expiring VMs one call returns. */
    public static final int MAX_EXPIRING = 100;

    @PersistenceContext(unitName = "qvd")
    EntityManager em;

    /**
     * @param tenantId superadmins may restrict the counts to one tenant (null = all); ignored for tenant
     *                 administrators, who always get their own
     * @param expiring how many VMs close to expiry to return (0 = none)
     */
    @RequiresAcl(RequiresAcl.AUTHENTICATED)
    public StatisticsDto summary(Long tenantId, @Min(0) @Max(MAX_EXPIRING) int expiring) {
        Caller caller = CurrentCaller.get();
        Long scope = caller.listScope(tenantId);
        StatisticsQueries q = new StatisticsQueries(em, scope);
        boolean seesVms = caller.has("vm.see");
        return new StatisticsDto(
                Instant.now(),
                scope,
                caller.has("user.see") ? q.users() : null,
                seesVms ? q.vms() : null,
                caller.has("host.see") ? q.hosts() : null,
                caller.has("osf.see") ? q.osfs() : null,
                caller.has("di.see") ? q.dis() : null,
                caller.has("host.see") ? q.hostLoads() : null,
                seesVms ? expiring(q, expiring) : null);
    }

    /** Every tenant, every section, no expiring VMs: for system components such as the metrics (no admin). */
    @SystemCall
    public StatisticsDto systemWide() {
        StatisticsQueries q = new StatisticsQueries(em, null);
        return new StatisticsDto(
                Instant.now(), null, q.users(), q.vms(), q.hosts(), q.osfs(), q.dis(), q.hostLoads(), List.of());
    }

    private static List<VmDto> expiring(StatisticsQueries q, int limit) {
        return limit == 0
                ? List.of()
                : q.expiring(limit).stream().map(VmDto::of).toList();
    }
}
