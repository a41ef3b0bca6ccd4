package org.qvd.vma.vnc.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qvd.vma.session.control.SessionSupervisor;

/**
 * One {@code x11vnc} on the session's own display (nxagent's), for ONE connection ({@code -once}) from ONE address
 * ({@code -allow}: the server node that asked), gone after {@code -timeout} seconds without it. View mode adds
 * {@code -viewonly}: x11vnc then drops every key and pointer event of that viewer, and {@code -nosel}: a viewing
 * administrator gets nothing of the user's clipboard. Where the user must consent first ({@link
 * VncSettings#confirms}), x11vnc's own popup asks on the user's screen, mouse clicks only (a user typing cannot
 * accept by accident), centred, refusing when unanswered; a refused administrator ends this server.
 */
final class VncServer {
    private static final Logger LOG = Logger.getLogger(VncServer.class.getName());
    private static final Pattern PORT = Pattern.compile("^PORT=([0-9]{1,5})$");
    /** x11vnc 0.9.16 logs this once a client passed -allow and, where asked, the user's consent. */
    static final String ACCEPTED = "accepted_client=";
    /** ... and this when the user refused (or did not answer) the consent popup. */
    static final String DENIED = "denying client";

    private final Process process;
    private volatile int port;
    private volatile Runnable onAccepted;
    private boolean accepted;

    private VncServer(Process process) {
        this.process = process;
    }

    /** The command line, without the user switch: a list of arguments, never a shell. */
    static List<String> command(
            VncSettings settings, SessionSupervisor.Attachable session, VncMode mode, String allowFrom) {
        List<String> command = new ArrayList<>(List.of(
                settings.x11vnc(),
                "-display",
                ":" + session.display(),
                "-auth",
                session.xauthority().toString(),
                "-autoport",
                Integer.toString(settings.firstPort()),
                "-once",
                "-timeout",
                Integer.toString(settings.idleSeconds()),
                "-shared",
                "-nopw",
                "-xkb",
                "-noxrecord",
                "-nolookup",
                "-noipv6",
                "-norc",
                "-nossl",
                "-noshm",
                // polling only, never DAMAGE hints: nxagent draws much of a window on the NX client's side, so what
                // its DAMAGE reports need not match its own framebuffer; suspected in a desktop that stayed blank in
                // the browser while the session drew an xterm (BrowserDesktopGuestIT, session 8). Costs CPU only
                // while someone watches
                "-noxdamage"));
        if (allowFrom != null) {
            command.addAll(List.of("-allow", allowFrom));
        } else {
            command.add("-localhost");
        }
        if (mode == VncMode.VIEW) {
            command.addAll(List.of("-viewonly", "-nosel"));
        }
        if (settings.confirms(mode)) {
            command.addAll(List.of("-accept", "popupmouse:" + settings.confirmSeconds()));
        }
        return command;
    }

    static VncServer start(
            VncSettings settings,
            SessionSupervisor.Attachable session,
            VncMode mode,
            String allowFrom,
            boolean localMode)
            throws IOException {
        List<String> command = new ArrayList<>(SessionSupervisor.asUser(session.user(), localMode));
        command.addAll(command(settings, session, mode, allowFrom));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().put("HOME", session.user().home().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Path log = settings.workDir().resolve("x11vnc-" + mode.wireName() + ".log");
        VncServer server = new VncServer(process);
        Thread reader = new Thread(() -> server.follow(log, port), "x11vnc-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int listening = port.get(15, TimeUnit.SECONDS);
            LOG.info(() -> "x11vnc (" + mode.wireName() + ") pid " + process.pid() + " waits on port " + listening
                    + " for " + (allowFrom == null ? "localhost" : allowFrom));
            server.port = listening;
            return server;
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new IOException("x11vnc did not listen (see " + log + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * x11vnc prints {@code PORT=5900} once it listens, then whether its client was accepted or refused; everything it
     * says goes to its log.
     */
    private void follow(Path log, CompletableFuture<Integer> port) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(
                        log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = PORT.matcher(line.trim());
                if (m.matches()) {
                    port.complete(Integer.parseInt(m.group(1)));
                } else if (line.contains(ACCEPTED)) {
                    accepted();
                } else if (line.contains(DENIED)) {
                    LOG.info(() -> "x11vnc pid " + process.pid() + ": the user refused the connection");
                    process.destroy(); // -once would wait for another client: this one was the only one expected
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        } finally {
            port.completeExceptionally(new IOException("x11vnc exited"));
        }
    }

    int port() {
        return port;
    }

    /** Runs {@code then} once the client is accepted (at once if it already was): the moment the watching starts. */
    synchronized void onAccepted(Runnable then) {
        if (accepted) {
            then.run();
        } else {
            onAccepted = then;
        }
    }

    private synchronized void accepted() {
        if (!accepted) {
            accepted = true;
            if (onAccepted != null) {
                onAccepted.run();
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void onExit(Runnable then) {
        process.onExit().thenRun(then);
    }

    void stop() {
        process.destroy();
    }
}
