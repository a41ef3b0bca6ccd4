package org.qvd.vmas.platform.list;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.PlatformError;

/** Filter + whitelisted sort + paging over one entity, with the Criteria API (no string-built JPQL). */
public final class ListQuery {

    /** Builds the filter predicates against a root (called once for the page, once for the count). */
    @FunctionalInterface
    public interface Filter<E> {
        void apply(CriteriaBuilder cb, Root<E> root, List<Predicate> where);
    }

    private ListQuery() {}

    /**
     * @param sortable whitelist: public sort name → entity attribute path (dots for joins)
     */
    public static <E, D> Page<D> page(
            EntityManager em,
            Class<E> type,
            PageRequest request,
            Map<String, String> sortable,
            Filter<E> filter,
            Function<E, D> toDto) {
        return page(em, type, request, sortable, filter, root -> {}, toDto);
    }

    /**
     * The same, with {@code fetch} adding fetch joins to the page's query (not the count's): everything
     * {@code toDto} reads comes with the rows, so a page costs one query plus the count.
     */
    public static <E, D> Page<D> page(
            EntityManager em,
            Class<E> type,
            PageRequest request,
            Map<String, String> sortable,
            Filter<E> filter,
            Consumer<Root<E>> fetch,
            Function<E, D> toDto) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(type);
        Root<E> root = query.from(type);
        fetch.accept(root);
        query.select(root).where(where(cb, root, filter));
        Path<?> sortPath = sortPath(root, request.sort(), sortable);
        query.orderBy(request.descending() ? cb.desc(sortPath) : cb.asc(sortPath), cb.asc(root.get("id")));
        List<E> rows = em.createQuery(query)
                .setFirstResult(request.offset())
                .setMaxResults(request.size())
                .getResultList();

        long total = total(request, rows.size(), () -> {
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            Root<E> countRoot = count.from(type);
            count.select(cb.count(countRoot)).where(where(cb, countRoot, filter));
            return em.createQuery(count).getSingleResult();
        });
        return new Page<>(rows.stream().map(toDto).toList(), total, request.page(), request.size());
    }

    /**
     * How many objects match, given the page's rows: a page with fewer rows than its size ends the list, so the total
     * is known without {@code count} (a list that fits one page, the common case, costs one query); a full page, or
     * one past the end, asks {@code count}.
     */
    public static long total(PageRequest request, int rows, LongSupplier count) {
        if (rows < request.size() && (rows > 0 || request.page() == 0)) {
            return (long) request.offset() + rows;
        }
        return count.getAsLong();
    }

    /** The refusal of a sort field that is not in the list's whitelist. */
    public static InvalidInputException sortInvalid(String sort, Collection<String> allowed) {
        return new InvalidInputException(
                PlatformError.SORT_INVALID, "cannot sort by '" + sort + "'; allowed: " + String.join(", ", allowed));
    }

    private static <E> Predicate[] where(CriteriaBuilder cb, Root<E> root, Filter<E> filter) {
        List<Predicate> where = new ArrayList<>();
        filter.apply(cb, root, where);
        return where.toArray(Predicate[]::new);
    }

    private static Path<?> sortPath(Root<?> root, String sort, Map<String, String> sortable) {
        if (sort == null || sort.isBlank()) {
            return root.get("id");
        }
        String attribute = sortable.get(sort);
        if (attribute == null) {
            throw sortInvalid(sort, sortable.keySet());
        }
        return path(root, attribute);
    }

    /** Resolves {@code a.b.c} against the root. */
    public static <T> Path<T> path(Root<?> root, String dotted) {
        Path<?> path = root;
        for (String part : dotted.split("\\.")) {
            path = path.get(part);
        }
        @SuppressWarnings("unchecked")
        Path<T> typed = (Path<T>) path;
        return typed;
    }

    /** Case-insensitive "contains" when the value is given. */
    public static void contains(CriteriaBuilder cb, Path<String> path, String value, List<Predicate> where) {
        if (value != null && !value.isBlank()) {
            where.add(cb.like(cb.lower(path), containsPattern(value), '\\'));
        }
    }

    /** The LIKE pattern (escape character backslash) of a case-insensitive "contains", for a lower-cased column. */
    public static String containsPattern(String value) {
        String escaped = value.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** Equality when the value is given. */
    public static void equal(CriteriaBuilder cb, Path<?> path, Object value, List<Predicate> where) {
        if (value != null) {
            where.add(cb.equal(path, value));
        }
    }
}
