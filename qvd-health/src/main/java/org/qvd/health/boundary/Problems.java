package org.qvd.health.boundary;

/** One line for a failed check: the innermost cause's message, no stack trace (the health answer is public). */
final class Problems {

    private Problems() {}

    static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
