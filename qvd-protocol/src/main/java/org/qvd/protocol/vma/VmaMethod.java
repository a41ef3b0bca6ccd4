package org.qvd.protocol.vma;

import java.util.Locale;
import java.util.Optional;

/**
 * The methods of {@code GET /vma/<method>}. {@code X_CHECK} validates {@code x_start}'s parameters without acting, so
 * the L7R can refuse a request before it takes a working session over (older VMAs answer it {@code 404}).
 * {@code VNC_START} starts a one-connection VNC server on the session's display for the browser desktop and the WAT's
 * View/Assist (docs/browser.md); older VMAs answer it {@code 404}.
 */
public enum VmaMethod {
    PING,
    X_STATE,
    X_START,
    X_CHECK,
    X_SUSPEND,
    X_STOP,
    POWEROFF,
    EXPIRE,
    VNC_START;

    /** The path segment after {@code /vma/}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VmaMethod> fromPath(String path) {
        for (VmaMethod m : values()) {
            if (m.path().equals(path)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
