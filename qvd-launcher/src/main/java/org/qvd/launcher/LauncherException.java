package org.qvd.launcher;

/** A problem the operator can fix; its message is printed without a stack trace. */
public class LauncherException extends RuntimeException {
    LauncherException(String message) {
        super(message);
    }

    LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
