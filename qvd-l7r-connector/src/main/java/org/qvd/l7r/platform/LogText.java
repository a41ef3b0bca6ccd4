package org.qvd.l7r.platform;

/**
 * Makes text a client chose safe for a log line: control characters (CR, LF, ESC, NUL, C1...), the backslash and
 * the quote are escaped ({@code \n}, {@code \x1b}, {@code \u0085}), so that a login like {@code "x\n... SEVERE ..."}
 * cannot forge a separate line or send terminal escapes to whoever reads the log. Long text is cut.
 */
public final class LogText {
    private static final int MAX = 200;

    private LogText() {
    }

    /** The text in single quotes, escaped; {@code null} stays {@code null}. */
    public static String quoted(String text) {
        return text == null ? "null" : "'" + escape(text) + "'";
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX) {
                return out.append("...(").append(text.length()).append(" chars)").toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else if ((c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)
                            && !validPair(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
