package org.qvd.vma.vnc.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.qvd.vma.session.control.SessionSupervisor;

/**
 * What the watched user sees while an administrator Views or Assists: a small window in a colour of its own at the
 * top of their desktop, naming the administrator and the mode, for exactly as long as the administrator's VNC server
 * lives. Closing it ends the watching. It is an xterm (already in the image; xmessage would pull Mesa in), kept above
 * the user's windows without taking their keyboard focus by the desktop's window manager (images/rootfs/etc/qvd/jwmrc
 * matches its instance name, {@link #INSTANCE}). Without that rule JWM focuses it when it appears, and the keys the
 * user or the assisting administrator type next go into the notice (BrowserDesktopGuestIT lost the start of a
 * command that way in stop 23's CI run).
 */
final class WatchNotice {
    private static final Logger LOG = Logger.getLogger(WatchNotice.class.getName());
    /** The instance name the window manager's rule matches. */
    static final String INSTANCE = "qvd-notice";
    /** The notice's title bar. */
    static final String TITLE = "QVD: your desktop is shared";
    /** The notice's background: what a test looks for on the user's screen. */
    static final String COLOUR = "#ffd000";

    private final Process process;

    private WatchNotice(Process process) {
        this.process = process;
    }

    /** The text of the notice: the administrator (as the server names them) and what they can do. */
    static String text(VncMode mode, String admin) {
        String who = admin == null || admin.isBlank() ? "An administrator" : admin + " (administrator)";
        return mode == VncMode.VIEW
                ? who + " is watching your desktop (view only)."
                : who + " is using your desktop with you (keyboard and mouse).";
    }

    /** The command line, without the user switch: the text travels as an argument, never through a shell's parsing. */
    static List<String> command(VncSettings settings, VncMode mode, String admin) {
        return List.of(
                settings.xterm(),
                "-name",
                INSTANCE,
                "-title",
                TITLE,
                "-geometry",
                "74x2-0+0",
                "-bg",
                COLOUR,
                "-fg",
                "black",
                "+sb",
                "-ut",
                "-e",
                "/bin/sh",
                "-c",
                "printf '\\033[?25l%s\\n%s' \"$1\" \"$2\"; exec sleep infinity",
                "qvd-notice",
                text(mode, admin),
                "Close this window to stop it.");
    }

    /** Shows the notice on the session's display; an exception when it cannot be shown (then nobody may watch). */
    static WatchNotice show(
            SessionSupervisor.Attachable session, VncSettings settings, VncMode mode, String admin, boolean localMode)
            throws IOException {
        List<String> command = new ArrayList<>(SessionSupervisor.asUser(session.user(), localMode));
        command.addAll(command(settings, mode, admin));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        settings.workDir().resolve("notice.log").toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().put("HOME", session.user().home().toString());
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("DISPLAY", ":" + session.display());
        builder.environment().put("XAUTHORITY", session.xauthority().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            // an xterm that cannot open the display ends at once
            if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                throw new IOException("the notice to the user could not be shown (exit " + process.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        LOG.info(() -> "notice shown to " + session.user().name() + " (" + mode.wireName() + "), pid " + process.pid());
        return new WatchNotice(process);
    }

    /** Runs {@code then} once the notice is gone (the user closed it, or it was closed). */
    void onExit(Runnable then) {
        process.onExit().thenRun(then);
    }

    void close() {
        process.destroy();
    }
}
