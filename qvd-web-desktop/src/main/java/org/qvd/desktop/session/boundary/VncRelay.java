package org.qvd.desktop.session.boundary;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.qvd.desktop.session.control.VncTunnel;

/**
 * One browser WebSocket relayed to a VM's VNC server, as both endpoints run it (the user's desktop, an administrator's
 * View/Assist): the keep-alive that notices a browser gone without a FIN, the tunnel once the VM's viewer answers, and
 * the browser's bytes on their way to it. Each endpoint keeps what differs: how its ticket is redeemed, which viewer
 * the agent starts, and what is recorded when the relay ends.
 */
final class VncRelay {

    private volatile VncTunnel tunnel;
    private volatile KeepAlive keepAlive;

    /**
     * Readies the accepted WebSocket: no idle timeout (the keep-alive watches it instead), room for a large message;
     * {@code gone} runs once, on the timer's thread, when the browser stops answering.
     */
    void start(ManagedScheduledExecutorService timer, Session browser, Runnable gone) {
        browser.setMaxIdleTimeout(0);
        browser.setMaxBinaryMessageBufferSize(Relays.MAX_MESSAGE);
        keepAlive = KeepAlive.start(timer, browser, gone);
    }

    /** The VM's viewer answered: from now on the browser's bytes go to it. */
    void attach(VncTunnel opened) {
        tunnel = opened;
    }

    /** Copies the VM's bytes to the browser until either side ends, then closes the browser's WebSocket. */
    static void pump(VncTunnel opened, Session browser) {
        opened.pump(
                KeepAlive.DEAD_AFTER,
                () -> Relays.close(browser, CloseReason.CloseCodes.GOING_AWAY.getCode(), "the desktop's view ended"));
    }

    /** The browser's bytes: it is there, and they go to the VM once the tunnel is open. */
    void fromBrowser(ByteBuffer bytes) throws IOException {
        heard();
        VncTunnel current = tunnel;
        if (current != null) {
            current.toVm(bytes);
        }
    }

    /** A pong or the viewer's bytes: the browser is there. */
    void heard() {
        KeepAlive k = keepAlive;
        if (k != null) {
            k.heard();
        }
    }

    /**
     * Stops pinging the browser and closes the VM's side; returns the tunnel (for its traffic), or null when the VM was
     * never reached.
     */
    VncTunnel end() {
        KeepAlive k = keepAlive;
        if (k != null) {
            k.stop();
        }
        VncTunnel current = tunnel;
        if (current != null) {
            current.close();
        }
        return current;
    }
}
