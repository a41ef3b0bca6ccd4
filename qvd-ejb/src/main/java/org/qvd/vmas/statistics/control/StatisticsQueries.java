package org.qvd.vmas.statistics.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.qvd.vmas.host.entity.HostState;
import org.qvd.vmas.statistics.entity.HostCounts;
import org.qvd.vmas.statistics.entity.HostLoad;
import org.qvd.vmas.statistics.entity.UserCounts;
import org.qvd.vmas.statistics.entity.VmCounts;
import org.qvd.vmas.vm.entity.UserState;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmState;

/**
 * One grouped query per kind of object (never one per number), each restricted to a tenant when
 * {@code tenantId} is not null. Hosts are shared: only the VM counts on them follow the tenant.
 */
public final class StatisticsQueries {

    /** The host list of a statistics call is a summary, not a listing: this many hosts, by name. */
    public static final int MAX_HOSTS = 500;

    private final EntityManager em;
    private final Long tenantId;

    public StatisticsQueries(EntityManager em, Long tenantId) {
        this.em = em;
        this.tenantId = tenantId;
    }

    public UserCounts users() {
        Object[] row = query(
                        "SELECT COUNT(u), SUM(CASE WHEN u.blocked = true THEN 1 ELSE 0 END) FROM AppUser u",
                        "u.tenant.id",
                        Object[].class)
                .getSingleResult();
        return new UserCounts(number(row[0]), number(row[1]));
    }

    public VmCounts vms() {
        Map<org.qvd.protocol.state.VmState, Long> byState = zeros(org.qvd.protocol.state.VmState.class);
        Map<org.qvd.protocol.state.UserState, Long> byUserState = zeros(org.qvd.protocol.state.UserState.class);
        long total = 0;
        long blocked = 0;
        for (Object[] row : query(
                        "SELECT r.state, r.userState, v.blocked, COUNT(v) FROM Vm v JOIN v.runtime r",
                        "v.user.tenant.id",
                        " GROUP BY r.state, r.userState, v.blocked",
                        Object[].class)
                .getResultList()) {
            long n = number(row[3]);
            byState.merge(((VmState) row[0]).wire(), n, Long::sum);
            byUserState.merge(((UserState) row[1]).wire(), n, Long::sum);
            total += n;
            blocked += Boolean.TRUE.equals(row[2]) ? n : 0;
        }
        return new VmCounts(total, blocked, byState, byUserState);
    }

    public HostCounts hosts() {
        Map<org.qvd.protocol.state.HostState, Long> byState = zeros(org.qvd.protocol.state.HostState.class);
        long total = 0;
        long blocked = 0;
        for (Object[] row : em.createQuery(
                        "SELECT r.state, h.blocked, COUNT(h) FROM Host h JOIN h.runtime r "
                                + "GROUP BY r.state, h.blocked",
                        Object[].class)
                .getResultList()) {
            long n = number(row[2]);
            byState.merge(((HostState) row[0]).wire(), n, Long::sum);
            total += n;
            blocked += Boolean.TRUE.equals(row[1]) ? n : 0;
        }
        return new HostCounts(total, blocked, byState);
    }

    public List<HostLoad> hostLoads() {
        String vmsOnHost = "(SELECT COUNT(v) FROM VmRuntime v WHERE v.host = h"
                + (tenantId == null ? "" : " AND v.vm.user.tenant.id = :tenant") + ")";
        TypedQuery<Object[]> q = em.createQuery(
                        "SELECT h.id, h.name, r.state, h.blocked, " + vmsOnHost
                                + ", r.load, r.usableRamMb, r.usableCpu, r.heartbeatAt FROM Host h JOIN h.runtime r ORDER BY h.name",
                        Object[].class)
                .setMaxResults(MAX_HOSTS);
        if (tenantId != null) {
            q.setParameter("tenant", tenantId);
        }
        return q.getResultList().stream()
                .map(row -> new HostLoad(
                        number(row[0]),
                        (String) row[1],
                        ((HostState) row[2]).wire(),
                        Boolean.TRUE.equals(row[3]),
                        number(row[4]),
                        (Double) row[5],
                        row[6] == null ? null : number(row[6]),
                        (Integer) row[7],
                        (Instant) row[8]))
                .toList();
    }

    public long osfs() {
        return query("SELECT COUNT(o) FROM Osf o", "o.tenant.id", Long.class).getSingleResult();
    }

    public long dis() {
        return query("SELECT COUNT(d) FROM Di d", "d.osf.tenant.id", Long.class).getSingleResult();
    }

    /** The {@code limit} VMs whose first expiry (soft, else hard) comes soonest. */
    public List<Vm> expiring(int limit) {
        return query(
                        "SELECT v FROM Vm v JOIN FETCH v.runtime JOIN FETCH v.user JOIN FETCH v.osf "
                                + "WHERE (v.expirationSoft IS NOT NULL OR v.expirationHard IS NOT NULL)",
                        "v.user.tenant.id",
                        " ORDER BY COALESCE(v.expirationSoft, v.expirationHard), v.id",
                        Vm.class)
                .setMaxResults(limit)
                .getResultList();
    }

    private <T> TypedQuery<T> query(String select, String tenantPath, Class<T> type) {
        return query(select, tenantPath, "", type);
    }

    /** {@code select} (which may have a WHERE already), restricted to the tenant, then {@code tail}. */
    private <T> TypedQuery<T> query(String select, String tenantPath, String tail, Class<T> type) {
        if (tenantId == null) {
            return em.createQuery(select + tail, type);
        }
        String joiner = select.contains(" WHERE ") ? " AND " : " WHERE ";
        return em.createQuery(select + joiner + tenantPath + " = :tenant" + tail, type)
                .setParameter("tenant", tenantId);
    }

    /** Every state of the vocabulary, in its order, at 0. */
    private static <S extends Enum<S>> Map<S, Long> zeros(Class<S> states) {
        Map<S, Long> map = new EnumMap<>(states);
        for (S state : states.getEnumConstants()) {
            map.put(state, 0L);
        }
        return map;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
