package org.qvd.vmas.platform.audit;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a call's arguments as JSON for the audit log, leaving out anything named like a password
 * or secret, and finds the object id/name the call is about.
 */
public final class AuditArguments {

    /** At most this many characters of one text argument are kept; a refused 10 MB body must not become a 10 MB row. */
    public static final int MAX_TEXT = 256;
    /** At most this many characters of a call's arguments in all. */
    public static final int MAX_TOTAL = 4096;

    private AuditArguments() {}

    public static String json(Parameter[] parameters, Object[] values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < parameters.length && i < values.length; i++) {
            String name = parameters[i].getName();
            if (secret(name)) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, name);
            out.append(':');
            value(out, values[i], 0);
        }
        out.append('}');
        if (out.length() > MAX_TOTAL) {
            // still one JSON object, so that readers of the audit can parse every entry
            return "{\"truncated\":" + quoted(out.substring(0, MAX_TOTAL)) + "}";
        }
        return out.toString();
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder();
        string(b, s);
        return b.toString();
    }

    /** The id argument: the first Long named {@code id} or {@code …Id}. */
    public static Long objectId(Parameter[] parameters, Object[] values) {
        for (int i = 0; i < parameters.length && i < values.length; i++) {
            String name = parameters[i].getName();
            if ((name.equals("id") || name.endsWith("Id")) && values[i] instanceof Long id) {
                return id;
            }
        }
        return null;
    }

    /** The name argument: a String named {@code name}/{@code login}/{@code key}, or such a component of a record. */
    public static String objectName(Parameter[] parameters, Object[] values) {
        for (int i = 0; i < parameters.length && i < values.length; i++) {
            if (values[i] instanceof String s && naming(parameters[i].getName())) {
                return s;
            }
            if (values[i] instanceof Record r) {
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    if (naming(c.getName()) && read(c, r) instanceof String s) {
                        return s;
                    }
                }
            }
        }
        return null;
    }

    static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret");
    }

    private static boolean naming(String name) {
        return name.equals("name") || name.equals("login") || name.equals("key");
    }

    private static void value(StringBuilder out, Object v, int depth) {
        if (v == null || depth > 4) {
            out.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Record r) {
            record(out, r, depth);
        } else if (v instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object o : c) {
                out.append(first ? "" : ",");
                first = false;
                value(out, o, depth + 1);
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                value(out, secret(String.valueOf(e.getKey())) ? "***" : e.getValue(), depth + 1);
            }
            out.append('}');
        } else if (v instanceof char[]) {
            out.append("\"***\"");
        } else {
            string(out, String.valueOf(v));
        }
    }

    private static void record(StringBuilder out, Record r, int depth) {
        out.append('{');
        boolean first = true;
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (secret(c.getName())) {
                continue;
            }
            out.append(first ? "" : ",");
            first = false;
            string(out, c.getName());
            out.append(':');
            value(out, read(c, r), depth + 1);
        }
        out.append('}');
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            return "?";
        }
    }

    private static void string(StringBuilder out, String full) {
        String s = full.length() > MAX_TEXT ? full.substring(0, MAX_TEXT) : full;
        out.append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        if (full.length() > MAX_TEXT) {
            out.append("…(").append(full.length()).append(" characters)");
        }
        out.append('"');
    }
}
