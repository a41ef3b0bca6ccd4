package org.qvd.vma.session.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.protocol.state.XState;
import org.qvd.protocol.vma.XStateReply;
import org.qvd.vma.platform.VmaConfig;
import org.qvd.vma.session.entity.SessionRequest;
import org.qvd.vma.session.entity.SessionUser;

/**
 * The one X session of this VM and its state machine: x_start provisions and starts nxagent or resumes
 * a suspended session; the state follows nxagent's own output.
 */
public final class SessionSupervisor {
    private static final Logger LOG = Logger.getLogger(SessionSupervisor.class.getName());
    /**
     * How long nxagent may take to announce a resume ("Resuming session") after its HUP. nxagent drops a HUP that
     * arrives while its previous NX transport is still closing (state down, transport running: nx-libs
     * Reconnect.c), which happens when a takeover's second {@code x_start} follows the suspension at once; the
     * session then stayed suspended while the VMA said "starting", and the client waited in vain.
     */
    static final long RESUME_ANNOUNCE_MILLIS = 2000;
    /** How many HUPs a resume sends before it gives up and reports the session suspended again. */
    static final int RESUME_SIGNALS = 8;

    private final VmaConfig config;
    private final UserProvisioner provisioner;
    private final SessionFiles files;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "session-start");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService resumeWatch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nxagent-resume-watch");
        t.setDaemon(true);
        return t;
    });
    private XState state = XState.STOPPED;
    /**
     * The {@code x_start} that suspended another client's session, until a client connects: if nxagent resumes on
     * its own (see {@code start}), it listens with this request's options, and this request's retry is answered so.
     */
    private SessionRequest takeover;
    /** HUPs sent for a resume nxagent has not announced yet; 0 when no resume is pending. */
    private int resumeSignals;

    private NxAgent agent;
    private Process desktop;
    private SessionUser user;
    private String cookie;

    public SessionSupervisor(VmaConfig config) {
        this.config = config;
        this.provisioner = new UserProvisioner(config);
        this.files = new SessionFiles(config);
    }

    /**
     * Mounts (and, when blank, formats) the home disk now, on the session worker, instead of at the first
     * {@code x_start}: a cold connect's {@code x_start} arrives moments after the VMA answers, and the home disk's
     * probe, first format and mount took 6.6 s of it inside a TCG guest at load 30 (issue 15, P2). An {@code x_start}
     * that comes while this runs queues behind it on the same worker; a failure here is logged and tried again there.
     */
    public void prepareHome() {
        worker.submit(provisioner::prepareHome);
    }

    public synchronized XState state() {
        if (agent != null && !agent.isAlive() && state != XState.PROVISIONING) {
            state = XState.STOPPED;
        }
        return state;
    }

    public synchronized XStateReply start(SessionRequest request) {
        XState now = state();
        LOG.info(() -> "x_start in state " + now.wireName() + " for user " + request.userName());
        switch (now) {
            case STOPPED -> {
                state = XState.PROVISIONING;
                worker.submit(() -> launch(request));
                return XStateReply.of(state);
            }
            case SUSPENDED -> {
                resume(request);
                return new XStateReply(state, true);
            }
            case CONNECTED -> {
                // another client holds the session: suspend it, the caller retries and resumes (takeover). The
                // caller's options go to nxagent first: the L7R also ends the old client's tunnel, nxagent may
                // suspend on that broken link and then take this HUP for a resume, which reads them (and the retried
                // x_start finds the session listening for it: see below)
                prepareResume(request);
                takeover = request;
                hangUp();
                state = XState.SUSPENDING;
                throw new SessionBusyException(state, "session was connected: suspending it, retry x_start");
            }
            case STARTING, LISTENING -> {
                if (takeover != null && takeover.sameClientAs(request)) {
                    cookie = takeover.cookie();
                    return new XStateReply(state, true);
                }
                throw new SessionBusyException(now, "session is " + now.wireName() + ": retry later");
            }
            default -> throw new SessionBusyException(now, "session is " + now.wireName() + ": retry later");
        }
    }

    /**
     * What a VNC view of the session needs (docs/browser.md): its user, display, Xauthority and NX cookie (null for a
     * session started without one); empty while no nxagent runs.
     */
    public synchronized java.util.Optional<Attachable> attachable() {
        if (agent == null || !agent.isAlive() || user == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Attachable(user, config.nxDisplay(), files.xauthority(), cookie, state()));
    }

    /** A running session as a VNC view sees it. */
    public record Attachable(
            SessionUser user, int display, java.nio.file.Path xauthority, String cookie, XState state) {}

    public synchronized XStateReply suspend() {
        if (state() == XState.CONNECTED) {
            hangUp();
            state = XState.SUSPENDING;
        }
        return XStateReply.of(state);
    }

    public synchronized XStateReply stop() {
        XState now = state();
        if (now == XState.PROVISIONING) {
            throw new SessionBusyException(now, "session is being provisioned: retry later");
        }
        if (agent != null && agent.isAlive()) {
            agent.stop(config.stopTimeoutSeconds());
            state = XState.STOPPING;
        }
        return XStateReply.of(state);
    }

    private void resume(SessionRequest request) {
        prepareResume(request);
        takeover = null;
        hangUp();
        cookie = request.cookie();
        // nxagent announces "Waiting for connection" once it really listens again
        state = XState.STARTING;
        resumeSignals = 1;
        watchResume();
    }

    /** The options (and display cookie) nxagent reads when it resumes, for {@code request}'s client. */
    private void prepareResume(SessionRequest request) {
        if (!config.localMode() && !request.userName().equals(user.name())) {
            throw new SessionBusyException(state, "the session belongs to another user");
        }
        try {
            files.prepare(user, request.displayCookie());
            files.writeOptions(request, user);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write nxagent options", e);
        }
    }

    private void watchResume() {
        resumeWatch.schedule(this::signalResumeAgain, RESUME_ANNOUNCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** nxagent did not announce the resume: its HUP was dropped (see {@link #RESUME_ANNOUNCE_MILLIS}). */
    private synchronized void signalResumeAgain() {
        if (resumeSignals == 0 || agent == null || !agent.isAlive()) {
            return;
        }
        if (resumeSignals >= RESUME_SIGNALS) {
            LOG.warning(() -> "nxagent announced no resume after " + RESUME_SIGNALS + " signals: the session stays"
                    + " suspended");
            resumeSignals = 0;
            state = XState.SUSPENDED;
            return;
        }
        resumeSignals++;
        LOG.warning(() -> "nxagent did not announce the resume within " + RESUME_ANNOUNCE_MILLIS + " ms (its previous"
                + " connection was still closing): signalling it again");
        hangUp();
        watchResume();
    }

    private void hangUp() {
        try {
            agent.hangUp();
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal nxagent", e);
        }
    }

    private void launch(SessionRequest request) {
        try {
            SessionUser provisioned = provisioner.provision(request);
            files.prepare(provisioned, request.displayCookie());
            files.writeOptions(request, provisioned);
            synchronized (this) {
                user = provisioned;
                cookie = request.cookie();
                desktop = null;
                agent = NxAgent.start(
                        agentCommand(provisioned),
                        environment(provisioned, false),
                        files.agentLog(),
                        this::onAgentState,
                        this::onAgentExit);
                state = XState.STARTING;
                LOG.info(() -> "nxagent started, pid " + agent.pid() + ", user " + provisioned.name());
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot start the session", e);
            synchronized (this) {
                state = XState.STOPPED;
            }
        }
    }

    private synchronized void onAgentState(XState announced) {
        LOG.info(() -> "nxagent: " + state.wireName() + " -> " + announced.wireName());
        resumeSignals = 0; // any announcement after a resume's HUP says nxagent took it
        state = announced;
        if (announced == XState.CONNECTED) {
            takeover = null;
        }
        if (announced == XState.CONNECTED && desktop == null) {
            startDesktop();
        }
    }

    private synchronized void onAgentExit() {
        state = XState.STOPPED;
        agent = null;
        if (desktop != null && desktop.isAlive()) {
            desktop.destroy();
        }
        desktop = null;
    }

    /** The user's X session starts once nxagent's display exists, i.e. when the first client attached. */
    private void startDesktop() {
        if (config.sessionCommand().isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(asUser(user));
        command.addAll(config.sessionCommand());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(user.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(files.desktopLog().toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment(user, true));
        try {
            desktop = builder.start();
            LOG.info(() -> "desktop started, pid " + desktop.pid());
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot start the desktop " + config.sessionCommand(), e);
        }
    }

    List<String> agentCommand(SessionUser as) {
        List<String> command = new ArrayList<>(asUser(as));
        command.addAll(List.of(
                config.nxAgentBinary(),
                "-D",
                "-nolisten",
                "tcp",
                "-auth",
                files.xauthority().toString(),
                "-display",
                "nx/nx,options=" + files.options() + ":" + config.nxDisplay(),
                ":" + config.nxDisplay()));
        return command;
    }

    private List<String> asUser(SessionUser as) {
        return asUser(as, config.localMode());
    }

    /** The command prefix that runs a program as the session's user (nothing in local mode: tests). */
    public static List<String> asUser(SessionUser as, boolean localMode) {
        if (localMode) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=" + as.uid(), "--regid=" + as.gid(), "--init-groups", "--");
    }

    private Map<String, String> environment(SessionUser as, boolean forDesktop) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", as.home().toString());
        env.put("USER", as.name());
        env.put("LOGNAME", as.name());
        env.put("SHELL", config.userShell());
        env.put("LANG", "C.UTF-8");
        if (forDesktop) {
            env.put("DISPLAY", ":" + config.nxDisplay());
            env.put("XAUTHORITY", files.xauthority().toString());
        }
        return env;
    }
}
