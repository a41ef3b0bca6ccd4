package org.qvd.desktop.session.boundary;

/** Text from a request, cut and stripped before it reaches a log line. */
final class LogSafe {
    private LogSafe() {}

    static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        String safe = text.replaceAll("[^A-Za-z0-9_.-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) : safe;
    }
}
