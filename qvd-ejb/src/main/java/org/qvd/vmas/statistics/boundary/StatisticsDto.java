package org.qvd.vmas.statistics.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.vm.boundary.VmDto;

/**
 * The farm at one moment, as the caller may see it. A section is null when the caller lacks the ACL to see
 * that kind of object ({@code user.see}, {@code vm.see}, {@code host.see}, {@code osf.see}, {@code di.see}).
 * States are QVD's lower-case names; every state is present, with 0 when nothing is in it.
 *
 * @param tenantId the tenant the counts are restricted to; null = every tenant (superadmins)
 * @param hostLoads each host with the number of VMs (of the scope) on it, its load and free RAM, by name
 * @param expiring the VMs whose soft or hard expiry comes first, soonest first (needs vm.see)
 */
public record StatisticsDto(
        Instant takenAt,
        Long tenantId,
        UserCounts users,
        VmCounts vms,
        HostCounts hosts,
        Long osfs,
        Long dis,
        List<HostLoad> hostLoads,
        List<VmDto> expiring) {

    /** Users of the scope. */
    public record UserCounts(long total, long blocked) {}

    /**
     * VMs of the scope. {@code byUserState}: disconnected, connecting, connected (a connected user per VM).
     */
    public record VmCounts(long total, long blocked, Map<String, Long> byState, Map<String, Long> byUserState) {
        /** Users connected to a VM right now. */
        public long connectedUsers() {
            return byUserState.getOrDefault("connected", 0L);
        }
    }

    /** Hosts are shared by every tenant: these counts are never tenant-scoped. */
    public record HostCounts(long total, long blocked, Map<String, Long> byState) {}

    /** One host's share of the farm. */
    public record HostLoad(
            long id,
            String name,
            String state,
            boolean blocked,
            long vmCount,
            Double load,
            Long freeRamMb,
            Integer cpus,
            Instant heartbeatAt) {}
}
