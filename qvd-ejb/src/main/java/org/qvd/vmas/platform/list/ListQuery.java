package org.qvd.vmas.platform.list;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.qvd.vmas.platform.error.InvalidInputException;
import org.qvd.vmas.platform.error.PlatformError;

/**
 * Filter + whitelisted sort + paging over one entity, as JPQL assembled from constant fragments: attribute paths come
 * from the code and the sort from the list's whitelist, every value is a bound parameter. Hibernate caches the
 * translation of a JPQL string (one per combination of filters in use), where it translated a Criteria tree anew on
 * every call — two thirds of a list query's CPU in the profile of the VM list, which moved to JPQL first.
 */
public final class ListQuery {

    /** Adds the list's conditions (called once; the page and the count share them). */
    @FunctionalInterface
    public interface Filter {
        void apply(Where where);
    }

    /** The conditions of one list query, over the entity's alias {@code e}, ANDed. */
    public static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        /** {@code e.<path> = value} when the value is given. */
        public Where equal(String path, Object value) {
            if (value != null) {
                conditions.add(ALIAS + path + " = :" + bind(value));
            }
            return this;
        }

        /** Case-insensitive "contains" on {@code e.<path>} when the value is given. */
        public Where contains(String path, String value) {
            if (value != null && !value.isBlank()) {
                conditions.add("LOWER(" + ALIAS + path + ") LIKE :" + bind(containsPattern(value)) + " ESCAPE '\\'");
            }
            return this;
        }

        /** {@code e.<path> >= value} when the value is given. */
        public Where atLeast(String path, Object value) {
            if (value != null) {
                conditions.add(ALIAS + path + " >= :" + bind(value));
            }
            return this;
        }

        /** {@code e.<path> < value} when the value is given. */
        public Where below(String path, Object value) {
            if (value != null) {
                conditions.add(ALIAS + path + " < :" + bind(value));
            }
            return this;
        }

        /**
         * A condition of the code's own (a constant: never built from input), its values as named parameters
         * {@code :name}; the entity's alias is {@code e}.
         */
        public Where condition(String jpql, Map<String, Object> values) {
            conditions.add("(" + jpql + ")");
            parameters.putAll(values);
            return this;
        }

        private String bind(Object value) {
            String name = "p" + parameters.size();
            parameters.put(name, value);
            return name;
        }

        String clause() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        <Q extends jakarta.persistence.Query> Q bound(Q query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    private static final String ALIAS = "e.";

    private ListQuery() {}

    /**
     * @param sortable whitelist: public sort name → entity attribute path (dots for joins)
     */
    public static <E, D> Page<D> page(
            EntityManager em,
            Class<E> type,
            PageRequest request,
            Map<String, String> sortable,
            Filter filter,
            Function<E, D> toDto) {
        String entity = em.getMetamodel().entity(type).getName();
        Where where = new Where();
        filter.apply(where);
        String order = ALIAS + sortAttribute(request.sort(), sortable) + (request.descending() ? " DESC" : " ASC");
        List<E> rows = where.bound(em.createQuery(
                        "SELECT e FROM " + entity + " e" + where.clause() + " ORDER BY " + order + ", e.id ASC", type))
                .setFirstResult(request.offset())
                .setMaxResults(request.size())
                .getResultList();
        long total = total(
                request,
                rows.size(),
                () -> where.bound(em.createQuery("SELECT COUNT(e) FROM " + entity + " e" + where.clause(), Long.class))
                        .getSingleResult());
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

    private static String sortAttribute(String sort, Map<String, String> sortable) {
        if (sort == null || sort.isBlank()) {
            return "id";
        }
        String attribute = sortable.get(sort);
        if (attribute == null) {
            throw sortInvalid(sort, sortable.keySet());
        }
        return attribute;
    }

    /** The LIKE pattern (escape character backslash) of a case-insensitive "contains", for a lower-cased column. */
    public static String containsPattern(String value) {
        String escaped = value.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
