package org.qvd.l7r.session.entity;

/** A user connection's state per VM, as QVD names it ({@code user_state}). */
public enum ConnectionState {
    CONNECTING,
    CONNECTED,
    DISCONNECTED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
