package org.qvd.wat.platform;

import java.util.Collection;
import java.util.function.Consumer;

/** Applies one action to each selected object, each in its own service call, and reports the outcome. */
public final class Bulk {

    private Bulk() {}

    public static <T> void apply(Collection<T> rows, String actionKey, Consumer<T> action) {
        if (rows == null || rows.isEmpty()) {
            Feedback.warn("bulk.none");
            return;
        }
        int done = 0;
        RuntimeException first = null;
        for (T row : rows) {
            try {
                action.accept(row);
                done++;
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        String label = Feedback.text(actionKey);
        if (first == null) {
            Feedback.info("bulk.done", label, done);
        } else {
            Feedback.warn("bulk.partial", label, done, rows.size() - done);
            Feedback.error(first);
        }
    }
}
