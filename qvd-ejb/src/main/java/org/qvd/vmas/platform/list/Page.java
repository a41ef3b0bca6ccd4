package org.qvd.vmas.platform.list;

import java.util.List;
import java.util.function.Function;

/** One page of results and the total number of matches. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), total, page, size);
    }
}
