package org.qvd.vmas.platform.text;

/**
 * Text a client sent, made safe for one log line: control characters (newline, carriage return, ESC, the
 * C1 range, line and paragraph separators…) become visible escapes such as {@code \n} or {@code \u001b},
 * so a login like {@code "x\n2026-… SEVERE superadmin logged in"} cannot forge a line or drive a terminal;
 * a backslash is doubled so an escape cannot be faked either; long text is cut.
 */
public final class LogText {

    /** At most this many characters of client text in one log line. */
    public static final int MAX = 200;

    private LogText() {}

    /** The text in single quotes, escaped, with a quote inside escaped too so the quoting cannot be faked. */
    public static String quoted(String text) {
        return text == null ? "null" : "'" + escape(text).replace("'", "\\'") + "'";
    }

    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 16);
        int n = Math.min(text.length(), MAX);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20
                            || (c >= 0x7f && c <= 0x9f)
                            || c == '\u2028'
                            || c == '\u2029'
                            || (c >= '\u202a' && c <= '\u202e')
                            || (c >= '\u2066' && c <= '\u2069')) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX) {
            out.append("…(").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
