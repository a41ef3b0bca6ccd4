package org.qvd.vma.vnc.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.qvd.vma.session.control.SessionSupervisor;

/**
 * The browser's NX viewer inside the VM: an Xvfb of the browser's size with {@code nxproxy -S} on it, connected to
 * the session's nxagent over the loopback. nxagent draws only while a proxy is attached (a suspended session's
 * display neither answers X clients nor repaints), so a browser desktop needs one; holding the session like any NX
 * client keeps takeover as it is: a client that connects later suspends this proxy, and vice versa.
 */
final class LocalViewer {
    private static final Logger LOG = Logger.getLogger(LocalViewer.class.getName());
    private final Process xvfb;
    private final Process proxy;

    private LocalViewer(Process xvfb, Process proxy) {
        this.xvfb = xvfb;
        this.proxy = proxy;
    }

    static LocalViewer start(
            SessionSupervisor.Attachable session, VncSettings settings, int width, int height, boolean localMode)
            throws IOException {
        Path dir = settings.workDir();
        Files.createDirectories(dir.resolve("nxproxy"));
        if (!localMode) {
            for (Path path : new Path[] {dir, dir.resolve("nxproxy")}) {
                Files.setAttribute(path, "unix:uid", session.user().uid());
                Files.setAttribute(path, "unix:gid", session.user().gid());
            }
        }
        List<String> xvfbCommand = new ArrayList<>(SessionSupervisor.asUser(session.user(), localMode));
        xvfbCommand.addAll(List.of(
                settings.xvfb(),
                ":" + settings.viewerDisplay(),
                "-screen",
                "0",
                width + "x" + height + "x24",
                // an X server resets when its last client leaves, and a connection arriving meanwhile fails: nxagent
                // opens its connections to this display through the proxy while it resumes, and one dropped by a
                // reset leaves the session suspended and the browser's desktop blank (the guest tier's legacy
                // client failed the same way on the test's own Xvfb until it ran with -noreset, session 8)
                "-noreset",
                "-nolisten",
                "tcp"));
        Process xvfb = spawn(xvfbCommand, dir.resolve("xvfb.log"), null, session);
        awaitSocket(settings.viewerDisplay(), xvfb);
        List<String> proxyCommand = new ArrayList<>(SessionSupervisor.asUser(session.user(), localMode));
        // the same cookie nxagent expects (the browser path always gives one); the link type is nxagent's side
        proxyCommand.addAll(List.of(
                settings.nxproxy(),
                "-S",
                "nx/nx,cookie=" + session.cookie()
                        + ",connect=127.0.0.1,port=" + settings.nxPort() + ",retry=5,root=" + dir.resolve("nxproxy")
                        + ",errors=" + dir.resolve("nxproxy/errors") + ":" + session.display()));
        Process proxy = spawn(proxyCommand, dir.resolve("nxproxy.log"), ":" + settings.viewerDisplay(), session);
        LOG.info(() -> "browser viewer: Xvfb pid " + xvfb.pid() + " (" + width + "x" + height + "), nxproxy pid "
                + proxy.pid());
        return new LocalViewer(xvfb, proxy);
    }

    private static Process spawn(List<String> command, Path log, String display, SessionSupervisor.Attachable session)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().put("HOME", session.user().home().toString());
        if (display != null) {
            builder.environment().put("DISPLAY", display);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** Xvfb is ready when its socket exists; nxproxy started before would fail to open the display. */
    private static void awaitSocket(int display, Process xvfb) throws IOException {
        Path socket = Path.of("/tmp/.X11-unix/X" + display);
        for (int i = 0; i < 100 && xvfb.isAlive(); i++) {
            if (Files.exists(socket)) {
                return;
            }
            sleep(50);
        }
        xvfb.destroyForcibly();
        throw new IOException("Xvfb :" + display + " did not start (see its log)");
    }

    boolean isAlive() {
        return proxy.isAlive();
    }

    /** Runs {@code then} once the proxy is gone (taken over, or stopped). */
    void onExit(Runnable then) {
        proxy.onExit().thenRun(then);
    }

    /**
     * The proxy goes first: nxagent then suspends the session, which a later client or browser resumes. Asked to end,
     * nxproxy may first wait out its cleanup timeout (30 s: "The finishing channel ID#1 has data to flush", seen in
     * session 9's full run) with the link still up, and the session stays connected to nobody meanwhile; past a
     * second it is killed, which closes the link at once. It holds nothing of the user's.
     */
    void stop() {
        proxy.destroy();
        try {
            if (!proxy.waitFor(1, TimeUnit.SECONDS)) {
                proxy.destroyForcibly();
            }
        } catch (InterruptedException e) {
            proxy.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        xvfb.destroy();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
