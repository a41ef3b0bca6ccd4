package org.qvd.api.platform;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list as the API answers it: {@code {items, total, page, size}}. */
public record Page<T>(
        @Schema(description = "the objects of this page") List<T> items,

        @Schema(description = "how many objects match the filters, on all pages")
        long total,

        @Schema(description = "this page's number, from 0") int page,

        @Schema(description = "the page size asked for (1..500)")
        int size) {

    /** The VMAS's page, each item turned into its API representation. */
    public static <D, R> Page<R> of(org.qvd.vmas.platform.list.Page<D> page, Function<? super D, R> representation) {
        return new Page<>(
                page.items().stream().<R>map(representation).toList(), page.total(), page.page(), page.size());
    }
}
