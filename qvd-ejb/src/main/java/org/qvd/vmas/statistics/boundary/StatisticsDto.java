package org.qvd.vmas.statistics.boundary;

import java.time.Instant;
import java.util.List;
import org.qvd.vmas.statistics.entity.HostCounts;
import org.qvd.vmas.statistics.entity.HostLoad;
import org.qvd.vmas.statistics.entity.UserCounts;
import org.qvd.vmas.statistics.entity.VmCounts;
import org.qvd.vmas.vm.boundary.VmDto;

/**
 * The farm at one moment, as the caller may see it. A section is null when the caller lacks the ACL to see
 * that kind of object ({@code user.see}, {@code vm.see}, {@code host.see}, {@code osf.see}, {@code di.see}).
 * States are the protocol's enums; every state is present, with 0 when nothing is in it.
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
        List<VmDto> expiring) {}
