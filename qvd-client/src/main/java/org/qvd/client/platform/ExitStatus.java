package org.qvd.client.platform;

/** The process exit codes of the client; one per kind of failure a user or a script can act on. */
public enum ExitStatus {
    OK(0),
    INTERNAL_ERROR(1),
    USAGE(2),
    BAD_LOGIN(3),
    FORBIDDEN(4),
    NO_SUCH_VM(5),
    PROTOCOL_MISMATCH(6),
    SERVER_UNAVAILABLE(7),
    TLS_TRUST(8),
    CONNECTION_FAILED(9),
    VIEWER_FAILED(10),
    SERVER_ERROR(11);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
