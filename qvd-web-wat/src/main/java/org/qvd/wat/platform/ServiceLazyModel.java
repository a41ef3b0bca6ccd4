package org.qvd.wat.platform;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.qvd.vmas.platform.list.Page;
import org.qvd.vmas.platform.list.PageRequest;

/**
 * A PrimeFaces lazy model over a service's paged list: paging, sorting (the column's field is the
 * service's sort name) and filtering (column field → text) all happen in the database.
 */
public class ServiceLazyModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Loads one page; filters are column field → non-blank text. */
    @FunctionalInterface
    public interface Loader<T> extends Serializable {
        Page<T> load(Map<String, String> filters, PageRequest page);
    }

    /** The row's identity. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Loader<T> loader;
    private final Key<T> key;
    private String lastError;

    public ServiceLazyModel(Loader<T> loader, Key<T> key) {
        this.loader = loader;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) loader.load(filters(filterBy), PageRequest.first(1)).total();
        } catch (RuntimeException e) {
            report(e);
            return 0;
        }
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.max(1, Math.min(pageSize, PageRequest.MAX_SIZE));
        SortMeta sort = sortBy == null
                ? null
                : sortBy.values().stream()
                        .filter(s -> s.getOrder() != SortOrder.UNSORTED)
                        .findFirst()
                        .orElse(null);
        // unsorted lists show the newest objects first: what an admin just created is on the first page
        PageRequest request = sort == null
                ? PageRequest.of(first / size, size, "id", true)
                : PageRequest.of(first / size, size, sort.getField(), sort.getOrder() == SortOrder.DESCENDING);
        try {
            Page<T> page = loader.load(filters(filterBy), request);
            setRowCount((int) page.total());
            return page.items();
        } catch (RuntimeException e) {
            report(e);
            setRowCount(0);
            return List.of();
        }
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        return rows == null
                ? null
                : rows.stream()
                        .filter(r -> Objects.equals(getRowKey(r), rowKey))
                        .findFirst()
                        .orElse(null);
    }

    private void report(RuntimeException e) {
        // count and load fail alike (e.g. a bad filter value): show the message once per request
        String text = Feedback.describe(e);
        if (!text.equals(lastError)) {
            Feedback.error(e);
        }
        lastError = text;
    }

    private static Map<String, String> filters(Map<String, FilterMeta> filterBy) {
        Map<String, String> out = new HashMap<>();
        if (filterBy != null) {
            filterBy.forEach((field, meta) -> {
                Object v = meta.getFilterValue();
                if (v != null && !v.toString().isBlank()) {
                    out.put(
                            meta.getField() != null ? meta.getField() : field,
                            v.toString().trim());
                }
            });
        }
        return out;
    }

    /** Helpers for loaders. */
    public static Boolean bool(String s) {
        return s == null || s.isBlank() ? null : Boolean.valueOf(s);
    }

    public static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
