package org.qvd.api.statistics.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.qvd.api.vm.boundary.VmRepresentation;
import org.qvd.protocol.state.WireNamed;
import org.qvd.vmas.statistics.boundary.StatisticsDto;

/** The dashboard's numbers as the API shows them; a section is absent when the caller may not see its objects. */
@Schema(
        name = "Statistics",
        description = "counts of users, VMs, hosts, OSFs and DIs; per-host load; VMs close to "
                + "expiry. A section is absent when the caller lacks its `<object>.see` ACL")
public record StatisticsRepresentation(
        Instant takenAt,

        @Schema(description = "the tenant counted; absent: every tenant (superadmins)")
        Long tenantId,

        UserCounts users,
        VmCounts vms,
        HostCounts hosts,
        Long osfs,
        Long dis,
        List<HostLoad> hostLoads,

        @Schema(description = "the VMs with the soonest soft (else hard) expiry")
        List<VmRepresentation> expiring) {

    @Schema(name = "UserCounts")
    public record UserCounts(long total, long blocked) {}

    @Schema(name = "VmCounts")
    public record VmCounts(
            long total,
            long blocked,
            @Schema(description = "VM state → count") Map<String, Long> byState,

            @Schema(description = "user connection state → count")
            Map<String, Long> byUserState) {}

    @Schema(name = "HostCounts", description = "hosts are shared: never scoped to a tenant")
    public record HostCounts(
            long total,
            long blocked,
            @Schema(description = "host state → count") Map<String, Long> byState) {}

    @Schema(name = "HostLoad", description = "one host's VMs (of the counted scope), load and free RAM")
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

    static StatisticsRepresentation of(StatisticsDto s) {
        org.qvd.vmas.statistics.entity.VmCounts v = s.vms();
        org.qvd.vmas.statistics.entity.HostCounts h = s.hosts();
        return new StatisticsRepresentation(
                s.takenAt(),
                s.tenantId(),
                s.users() == null
                        ? null
                        : new UserCounts(s.users().total(), s.users().blocked()),
                v == null
                        ? null
                        : new VmCounts(
                                v.total(),
                                v.blocked(),
                                WireNamed.byName(v.byState()),
                                WireNamed.byName(v.byUserState())),
                h == null ? null : new HostCounts(h.total(), h.blocked(), WireNamed.byName(h.byState())),
                s.osfs(),
                s.dis(),
                s.hostLoads() == null
                        ? null
                        : s.hostLoads().stream()
                                .map(StatisticsRepresentation::load)
                                .toList(),
                s.expiring() == null
                        ? null
                        : s.expiring().stream().map(VmRepresentation::of).toList());
    }

    private static HostLoad load(org.qvd.vmas.statistics.entity.HostLoad l) {
        return new HostLoad(
                l.id(),
                l.name(),
                l.state().wireName(),
                l.blocked(),
                l.vmCount(),
                l.load(),
                l.freeRamMb(),
                l.cpus(),
                l.heartbeatAt());
    }
}
