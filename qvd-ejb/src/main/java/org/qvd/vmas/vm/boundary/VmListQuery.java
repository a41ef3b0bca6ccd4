package org.qvd.vmas.vm.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.protocol.state.XState;
import org.qvd.vmas.platform.list.ListQuery;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;
import org.qvd.vmas.vm.entity.UserState;
import org.qvd.vmas.vm.entity.VmState;

/**
 * One page of the VM list (REST {@code GET /api/v1/vms}, the WAT's VM list, SOAP) as a projection: the page is ONE
 * select of exactly the columns {@link VmDto} shows, over explicit joins (user, OSF, runtime; host and DI in use left
 * joined), and no entity is loaded, so nothing is hydrated, snapshotted or flushed. The total costs a second, narrower
 * count (only the joins its filters need: none for a superadministrator's unfiltered list) and only when the page is
 * full: a page with fewer rows than its size already tells how many there are.
 *
 * <p>JPQL, not the Criteria API: Hibernate (6.6) caches the translation of a JPQL string and translates a Criteria tree
 * anew on every call, which cost two thirds of a page's query (bench/api's JFR profile). The strings are made only of
 * the constant fragments below, chosen by which filters are given; every value is a bound parameter, and the sort
 * comes from a whitelist. At most 2^7 × 7 × 2 distinct strings, well inside Hibernate's plan cache.
 *
 * <p>{@code VmListQueryCountOnPostgresTest} keeps it at one query per page plus one count, checks every filter and
 * sort, and that each row equals {@link VmDto#of} of the entity.
 */
final class VmListQuery {

    /** What a list may be filtered by, resolved: the caller's tenant scope and a parsed state. */
    record Criteria(
            Long tenantId,
            Long userId,
            Long osfId,
            Long hostId,
            String name,
            VmState state,
            Boolean blocked,
            PageRequest page) {}

    /** The columns of a row, in the order {@link #dto} reads them. */
    private static final String COLUMNS = "SELECT v.id, u.tenant.id, u.id, u.login, o.id, o.name, v.diTag, v.name, "
            + "v.ip, v.blocked, v.description, v.expirationSoft, v.expirationHard, r.state, r.stateTs, "
            + "r.pendingCommand, r.userState, h.id, h.name, r.address, r.vmaPort, r.xPort, d.id, d.version, r.xState, "
            + "r.lastFailure, r.lastFailureAt, v.createdAt, r.lastConnection.connectedAt, "
            + "r.lastConnection.disconnectedAt, r.lastConnection.bytesFromClient, r.lastConnection.bytesToClient, "
            + "r.lastConnection.node, o.kind "
            + "FROM Vm v JOIN v.user u JOIN v.osf o JOIN v.runtime r LEFT JOIN r.host h LEFT JOIN r.currentDi d";

    /** Whitelist: public sort name → the path it orders by (aliases of {@link #COLUMNS}). */
    private static final Map<String, String> SORTABLE = sortable();

    private VmListQuery() {}

    static Page<VmDto> page(EntityManager em, Criteria c) {
        PageRequest page = c.page();
        String order = order(page); // a bad sort is refused before any query runs
        // a list only reads: nothing to flush before its queries or at commit (the transaction is the list call's own)
        em.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
        TypedQuery<Object[]> query = em.createQuery(COLUMNS + where(c) + order, Object[].class);
        bind(query, c);
        List<Object[]> rows =
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<VmDto> items = rows.stream().map(VmListQuery::dto).toList();
        return new Page<>(items, total(em, c, items.size()), page.page(), page.size());
    }

    /** The number of matches: known from the page itself unless the page is full (or past the end). */
    private static long total(EntityManager em, Criteria c, int rows) {
        return ListQuery.total(c.page(), rows, () -> {
            String joins = (c.tenantId() != null ? " JOIN v.user u" : "")
                    + (c.hostId() != null || c.state() != null ? " JOIN v.runtime r" : "");
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(v) FROM Vm v" + joins + where(c), Long.class);
            bind(count, c);
            return count.getSingleResult();
        });
    }

    /** The filters that are given, as constant fragments over the aliases v, u (user) and r (runtime). */
    private static String where(Criteria c) {
        List<String> where = new ArrayList<>();
        if (c.tenantId() != null) {
            where.add("u.tenant.id = :tenantId");
        }
        if (c.userId() != null) {
            where.add("v.user.id = :userId");
        }
        if (c.osfId() != null) {
            where.add("v.osf.id = :osfId");
        }
        if (c.hostId() != null) {
            where.add("r.host.id = :hostId");
        }
        if (hasName(c)) {
            where.add("LOWER(v.name) LIKE :name ESCAPE '\\'");
        }
        if (c.state() != null) {
            where.add("r.state = :state");
        }
        if (c.blocked() != null) {
            where.add("v.blocked = :blocked");
        }
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private static void bind(TypedQuery<?> query, Criteria c) {
        if (c.tenantId() != null) {
            query.setParameter("tenantId", c.tenantId());
        }
        if (c.userId() != null) {
            query.setParameter("userId", c.userId());
        }
        if (c.osfId() != null) {
            query.setParameter("osfId", c.osfId());
        }
        if (c.hostId() != null) {
            query.setParameter("hostId", c.hostId());
        }
        if (hasName(c)) {
            query.setParameter("name", ListQuery.containsPattern(c.name()));
        }
        if (c.state() != null) {
            query.setParameter("state", c.state());
        }
        if (c.blocked() != null) {
            query.setParameter("blocked", c.blocked());
        }
    }

    private static boolean hasName(Criteria c) {
        return c.name() != null && !c.name().isBlank();
    }

    private static String order(PageRequest page) {
        String sort = page.sort() == null || page.sort().isBlank() ? "id" : page.sort();
        String path = SORTABLE.get(sort);
        if (path == null) {
            throw ListQuery.sortInvalid(sort, SORTABLE.keySet());
        }
        return " ORDER BY " + path + (page.descending() ? " DESC" : " ASC") + ", v.id ASC";
    }

    private static Map<String, String> sortable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", "v.id");
        m.put("name", "v.name");
        m.put("ip", "v.ip");
        m.put("user", "u.login");
        m.put("osf", "o.name");
        m.put("state", "r.state");
        m.put("createdAt", "v.createdAt");
        return Collections.unmodifiableMap(m);
    }

    private static VmDto dto(Object[] row) {
        int i = 0;
        return new VmDto(
                (Long) row[i++],
                (Long) row[i++],
                (Long) row[i++],
                (String) row[i++],
                (Long) row[i++],
                (String) row[i++],
                (String) row[i++],
                (String) row[i++],
                (String) row[i++],
                (Boolean) row[i++],
                (String) row[i++],
                (Instant) row[i++],
                (Instant) row[i++],
                ((VmState) row[i++]).wire(),
                (Instant) row[i++],
                VmDto.wire((Enum<?>) row[i++]),
                ((UserState) row[i++]).wire(),
                (Long) row[i++],
                (String) row[i++],
                (String) row[i++],
                (Integer) row[i++],
                (Integer) row[i++],
                (Long) row[i++],
                (String) row[i++],
                (XState) row[i++],
                (String) row[i++],
                (Instant) row[i++],
                (Instant) row[i++],
                (Instant) row[i++],
                (Instant) row[i++],
                (Long) row[i++],
                (Long) row[i++],
                (String) row[i++],
                ((DesktopKind) row[i]).wireName());
    }
}
