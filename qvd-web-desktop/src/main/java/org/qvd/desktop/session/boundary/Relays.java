package org.qvd.desktop.session.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What both relays (the user's desktop, an administrator's view) do with their WebSocket. */
final class Relays {
    private static final Logger LOG = Logger.getLogger(Relays.class.getName());
    /** The browser's bytes per message at most (noVNC sends small ones; a clipboard paste can be larger). */
    static final int MAX_MESSAGE = 4 << 20;

    private Relays() {}

    /** One query parameter's only value, or null when it is missing or repeated. */
    static String single(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    static void close(Session session, int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "closing a desktop WebSocket", e);
        }
    }

    static void refuse(Session session) {
        close(session, CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), "ticket refused");
    }
}
