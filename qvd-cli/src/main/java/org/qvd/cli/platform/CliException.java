package org.qvd.cli.platform;

/** A failure to report on stderr with an exit code; the message is meant for the operator. */
public class CliException extends RuntimeException {

    private final int exitCode;
    private final String code;

    public CliException(int exitCode, String code, String message) {
        super(message);
        this.exitCode = exitCode;
        this.code = code;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The server's stable error code, or a CLI one ({@code cli.*}). */
    public String code() {
        return code;
    }
}
