package org.qvd.vmas.platform.text;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Text no service can store: PostgreSQL refuses U+0000 in any text column (and the audit entry of the call
 * with it), so a NUL anywhere in a call's arguments is the client's error, refused before anything runs.
 */
public final class TextInput {

    private static final int MAX_DEPTH = 4;

    private TextInput() {}

    /** One violation line per argument path holding a NUL; empty when all text is storable. */
    public static List<String> violations(Parameter[] parameters, Object[] values) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < parameters.length && i < values.length; i++) {
            check(parameters[i].getName(), values[i], 0, lines);
        }
        return lines;
    }

    private static void check(String path, Object value, int depth, List<String> lines) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence s) {
            if (s.chars().anyMatch(c -> c == 0)) {
                lines.add(path + ": must not contain NUL characters");
            }
        } else if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    check(path + "." + c.getName(), c.getAccessor().invoke(r), depth + 1, lines);
                } catch (ReflectiveOperationException e) {
                    // an accessor that cannot be read holds nothing the client sent
                }
            }
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                check(path + "[]", o, depth + 1, lines);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                check(path + "{}", e.getKey(), depth + 1, lines);
                check(path + "." + e.getKey(), e.getValue(), depth + 1, lines);
            }
        }
    }
}
