package org.qvd.vma.vnc.control;

import java.util.Locale;
import java.util.Optional;

/** Who looks at the session: the user in a browser, or an administrator watching (view) or helping (assist). */
public enum VncMode {
    /** The user's own desktop in a browser: keyboard and mouse; the browser holds the session like an NX client. */
    DESKTOP,
    /** An administrator watches: the VNC server refuses every input event. */
    VIEW,
    /** An administrator shares keyboard and mouse with the connected user. */
    ASSIST;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VncMode> of(String name) {
        for (VncMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
