package org.qvd.vmas.vm.boundary;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.qvd.protocol.state.DesktopKind;
import org.qvd.vmas.account.entity.AppUser;
import org.qvd.vmas.host.entity.Host;
import org.qvd.vmas.image.entity.Di;
import org.qvd.vmas.image.entity.Osf;
import org.qvd.vmas.platform.ListQuery;
import org.qvd.vmas.platform.Page;
import org.qvd.vmas.platform.PageRequest;
import org.qvd.vmas.vm.entity.Vm;
import org.qvd.vmas.vm.entity.VmRuntime;
import org.qvd.vmas.vm.entity.VmState;

/**
 * One page of the VM list (REST {@code GET /api/v1/vms}, the WAT's VM list, SOAP) as a projection: the page is ONE
 * select of exactly the columns {@link VmDto} shows, over explicit joins (user, OSF, runtime; host and DI in use left
 * joined), and no entity is loaded, so nothing is hydrated, snapshotted or flushed. The total costs a second, narrower
 * count (only the joins its filters need: none for a superadministrator's unfiltered list) and only when the page is
 * full: a page with fewer rows than its size already tells how many there are.
 *
 * <p>bench/api measures what this saves (an entity page hydrated six entities a row); {@code
 * VmListQueryCountOnPostgresTest} keeps it at one query per page plus one count and {@code
 * VmListProjectionOnPostgresTest} keeps each row equal to {@link VmDto#of} of the entity.
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

    /** The paths a filter or sort reads; joins are made when first asked for (the count asks for few). */
    private static final class From {
        final Root<Vm> vm;
        private Join<Vm, AppUser> user;
        private Join<Vm, Osf> osf;
        private Join<Vm, VmRuntime> runtime;

        From(Root<Vm> vm) {
            this.vm = vm;
        }

        Join<Vm, AppUser> user() {
            if (user == null) {
                user = vm.join("user");
            }
            return user;
        }

        Join<Vm, Osf> osf() {
            if (osf == null) {
                osf = vm.join("osf");
            }
            return osf;
        }

        Join<Vm, VmRuntime> runtime() {
            if (runtime == null) {
                runtime = vm.join("runtime");
            }
            return runtime;
        }
    }

    static final List<String> SORTABLE = List.of("id", "name", "ip", "user", "osf", "state", "createdAt");

    private VmListQuery() {}

    static Page<VmDto> page(EntityManager em, Criteria c) {
        // a list only reads: nothing to flush before its queries or at commit (the transaction is the list call's own)
        em.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        PageRequest page = c.page();
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        From from = new From(query.from(Vm.class));
        Path<?> sortPath = sortPath(from, page.sort()); // a bad sort is refused before any query runs
        Join<VmRuntime, Host> host = from.runtime().join("host", JoinType.LEFT);
        Join<VmRuntime, Di> di = from.runtime().join("currentDi", JoinType.LEFT);
        query.multiselect(columns(from, host, di)).where(where(cb, from, c));
        query.orderBy(page.descending() ? cb.desc(sortPath) : cb.asc(sortPath), cb.asc(from.vm.get("id")));
        List<Object[]> rows = em.createQuery(query)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        List<VmDto> items = rows.stream().map(VmListQuery::dto).toList();
        return new Page<>(items, total(em, cb, c, items.size()), page.page(), page.size());
    }

    /** The number of matches: known from the page itself unless the page is full (or past the end). */
    private static long total(EntityManager em, CriteriaBuilder cb, Criteria c, int rows) {
        return ListQuery.total(c.page(), rows, () -> {
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            From from = new From(count.from(Vm.class));
            count.select(cb.count(from.vm)).where(where(cb, from, c));
            return em.createQuery(count).getSingleResult();
        });
    }

    private static Predicate[] where(CriteriaBuilder cb, From from, Criteria c) {
        List<Predicate> where = new ArrayList<>();
        if (c.tenantId() != null) {
            where.add(cb.equal(from.user().get("tenant").get("id"), c.tenantId()));
        }
        if (c.userId() != null) {
            where.add(cb.equal(from.vm.get("user").get("id"), c.userId()));
        }
        if (c.osfId() != null) {
            where.add(cb.equal(from.vm.get("osf").get("id"), c.osfId()));
        }
        if (c.hostId() != null) {
            where.add(cb.equal(from.runtime().get("host").get("id"), c.hostId()));
        }
        ListQuery.contains(cb, from.vm.get("name"), c.name(), where);
        if (c.state() != null) {
            where.add(cb.equal(from.runtime().get("state"), c.state()));
        }
        ListQuery.equal(cb, from.vm.get("blocked"), c.blocked(), where);
        return where.toArray(Predicate[]::new);
    }

    private static Path<?> sortPath(From from, String sort) {
        if (sort == null || sort.isBlank()) {
            return from.vm.get("id");
        }
        return switch (sort) {
            case "id", "name", "ip", "createdAt" -> from.vm.get(sort);
            case "user" -> from.user().get("login");
            case "osf" -> from.osf().get("name");
            case "state" -> from.runtime().get("state");
            default -> throw ListQuery.sortInvalid(sort, SORTABLE);
        };
    }

    /** The columns of a row, in the order {@link #dto} reads them. */
    private static List<Selection<?>> columns(From from, Join<VmRuntime, Host> host, Join<VmRuntime, Di> di) {
        Root<Vm> vm = from.vm;
        Join<Vm, VmRuntime> r = from.runtime();
        Path<Object> last = r.get("lastConnection");
        return List.of(
                vm.get("id"),
                from.user().get("tenant").get("id"),
                from.user().get("id"),
                from.user().get("login"),
                from.osf().get("id"),
                from.osf().get("name"),
                vm.get("diTag"),
                vm.get("name"),
                vm.get("ip"),
                vm.get("blocked"),
                vm.get("description"),
                vm.get("expirationSoft"),
                vm.get("expirationHard"),
                r.get("state"),
                r.get("stateTs"),
                r.get("pendingCommand"),
                r.get("userState"),
                host.get("id"),
                host.get("name"),
                r.get("address"),
                r.get("vmaPort"),
                r.get("xPort"),
                di.get("id"),
                di.get("version"),
                r.get("xState"),
                r.get("lastFailure"),
                r.get("lastFailureAt"),
                vm.get("createdAt"),
                last.get("connectedAt"),
                last.get("disconnectedAt"),
                last.get("bytesFromClient"),
                last.get("bytesToClient"),
                last.get("node"),
                from.osf().get("kind"));
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
                VmDto.wire((Enum<?>) row[i++]),
                (Instant) row[i++],
                VmDto.wire((Enum<?>) row[i++]),
                VmDto.wire((Enum<?>) row[i++]),
                (Long) row[i++],
                (String) row[i++],
                (String) row[i++],
                (Integer) row[i++],
                (Integer) row[i++],
                (Long) row[i++],
                (String) row[i++],
                VmDto.wire((Enum<?>) row[i++]),
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
