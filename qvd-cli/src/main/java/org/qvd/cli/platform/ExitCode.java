package org.qvd.cli.platform;

/** Exit codes scripts can rely on (also listed in {@code qvd-admin --help} and docs/cli.md). */
public final class ExitCode {

    public static final int OK = 0;
    /** Server error (5xx) or anything unexpected. */
    public static final int ERROR = 1;
    /** Wrong command line (unknown option, missing argument, bad key=value). */
    public static final int USAGE = 2;
    /** Not authenticated: wrong or missing credentials (401). */
    public static final int UNAUTHENTICATED = 3;
    /** Authenticated, but the administrator lacks the ACL (403). */
    public static final int FORBIDDEN = 4;
    /** No such object, or the filter matched nothing (404). */
    public static final int NOT_FOUND = 5;
    /** Conflict: duplicate, still in use, or not allowed in the object's state (409). */
    public static final int CONFLICT = 6;
    /** The server refused the input (400). */
    public static final int INVALID = 7;
    /** The server cannot be reached, or TLS failed. */
    public static final int UNREACHABLE = 8;

    public static final String HELP = "Exit codes: 0 ok, 1 server error, 2 usage, 3 not authenticated, 4 forbidden, "
            + "5 not found, 6 conflict/state, 7 invalid input, 8 server unreachable or TLS failure.";

    private ExitCode() {}

    public static int forStatus(int status) {
        return switch (status) {
            case 400, 422 -> INVALID;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> ERROR;
        };
    }
}
