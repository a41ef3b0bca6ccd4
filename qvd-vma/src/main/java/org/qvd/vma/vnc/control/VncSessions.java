package org.qvd.vma.vnc.control;

import java.io.IOException;
import java.nio.file.Files;
import java.util.logging.Logger;
import org.qvd.protocol.state.XState;
import org.qvd.protocol.vma.VncStartReply;
import org.qvd.vma.session.control.SessionBusyException;
import org.qvd.vma.session.control.SessionSupervisor;

/**
 * {@code vnc_start}: a VNC server on the user's X session. A browser desktop ({@link VncMode#DESKTOP}) comes after
 * the server's {@code x_start} (the session listens for a proxy with the browser's NX cookie): this attaches the
 * in-VM viewer ({@link LocalViewer}), waits until nxagent says it is connected, and offers the display; when the
 * browser leaves, the viewer goes and the session is suspended; when another client takes the session over, the
 * viewer is cut and so is the browser's VNC connection. View and assist need a session a client is connected to.
 */
public final class VncSessions {
    private static final Logger LOG = Logger.getLogger(VncSessions.class.getName());
    private static final long CONNECT_MS = 20_000;
    private final SessionSupervisor session;
    private final VncSettings settings;
    private final boolean localMode;
    private LocalViewer viewer;

    public VncSessions(SessionSupervisor session, VncSettings settings, boolean localMode) {
        this.session = session;
        this.settings = settings;
        this.localMode = localMode;
    }

    /**
     * @param allowFrom the caller's IPv4 address: the only one the VNC server accepts (null: loopback only)
     * @param width,height the browser's size for a desktop (the viewer's screen); ignored for view and assist
     * @param admin who watches (view and assist), as the server names them: the notice to the user says so
     */
    public synchronized VncStartReply start(VncMode mode, String allowFrom, int width, int height, String admin)
            throws IOException {
        SessionSupervisor.Attachable attachable = session.attachable()
                .orElseThrow(() -> new SessionBusyException(XState.STOPPED, "no X session runs in this VM"));
        Files.createDirectories(settings.workDir());
        if (mode == VncMode.DESKTOP) {
            attachable = attachViewer(attachable, width, height);
        } else if (attachable.state() != XState.CONNECTED) {
            throw new SessionBusyException(
                    attachable.state(),
                    "nobody is connected to the session (" + attachable.state().wireName() + "): nothing to watch");
        }
        VncServer server = VncServer.start(settings, attachable, mode, allowFrom, localMode);
        if (mode == VncMode.DESKTOP) {
            LocalViewer mine = viewer;
            // the browser left: suspend the session; the session was taken over: cut the browser
            server.onExit(() -> stopViewer(mine));
            mine.onExit(server::stop);
        } else {
            SessionSupervisor.Attachable watched = attachable;
            server.onAccepted(() -> showNotice(server, watched, mode, admin));
        }
        return new VncStartReply(server.port(), mode.wireName());
    }

    /**
     * From the moment the administrator is let in (after the user's consent where asked) until their view ends, the
     * user sees the notice; closing it ends the view, and a notice that cannot be shown ends it too.
     */
    private void showNotice(VncServer server, SessionSupervisor.Attachable watched, VncMode mode, String admin) {
        try {
            WatchNotice notice = WatchNotice.show(watched, settings, mode, admin, localMode);
            server.onExit(notice::close);
            notice.onExit(server::stop);
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "no notice to the watched user, the " + mode.wireName() + " ends: " + e.getMessage());
            server.stop();
        }
    }

    private SessionSupervisor.Attachable attachViewer(SessionSupervisor.Attachable attachable, int width, int height)
            throws IOException {
        if (attachable.cookie() == null) {
            throw new SessionBusyException(
                    attachable.state(),
                    "the session was started without an NX cookie: start it for the browser first (x_start)");
        }
        if (attachable.state() != XState.LISTENING) {
            throw new SessionBusyException(
                    attachable.state(),
                    "the session does not wait for a viewer ("
                            + attachable.state().wireName() + "): x_start first");
        }
        stopViewer(viewer);
        viewer = LocalViewer.start(attachable, settings, width, height, localMode);
        long deadline = System.currentTimeMillis() + CONNECT_MS;
        while (System.currentTimeMillis() < deadline && viewer.isAlive()) {
            java.util.Optional<SessionSupervisor.Attachable> now = session.attachable();
            if (now.isPresent() && now.get().state() == XState.CONNECTED) {
                return now.get();
            }
            LocalViewer.sleep(100);
        }
        stopViewer(viewer);
        throw new IOException("the browser's viewer did not connect to the session within " + CONNECT_MS / 1000 + " s");
    }

    private synchronized void stopViewer(LocalViewer which) {
        if (which != null) {
            which.stop();
            LOG.info("browser viewer stopped");
        }
        if (which == viewer) {
            viewer = null;
        }
    }
}
