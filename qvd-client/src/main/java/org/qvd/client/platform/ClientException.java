package org.qvd.client.platform;

/** The one base exception of the client: a message meant for the user and the exit status it leads to. */
public class ClientException extends RuntimeException {

    private final ExitStatus status;

    public ClientException(ExitStatus status, String message) {
        super(message);
        this.status = status;
    }

    public ClientException(ExitStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public ExitStatus status() {
        return status;
    }
}
