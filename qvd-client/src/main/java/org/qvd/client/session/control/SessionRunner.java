package org.qvd.client.session.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.qvd.client.nx.control.NxCookie;
import org.qvd.client.nx.control.NxViewer;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.platform.UserConsole;
import org.qvd.client.session.control.SessionSettings.Reconnect;
import org.qvd.client.session.entity.ConnectSettings;
import org.qvd.client.session.entity.VmSummary;
import org.qvd.client.trust.entity.ServerAddress;

/** One user session: list, choose, connect, forward to the local viewer, and reconnect after a drop if asked. */
public final class SessionRunner {

    /** Picks a VM from the list (interactively, or the only one). */
    public interface VmChooser {
        long choose(List<VmSummary> vms);
    }

    private final SessionSettings settings;
    private final Function<ServerAddress, Socket> connector;
    private final NxViewer viewer;
    private final UserConsole console;
    private final VmChooser chooser;
    private boolean restartPending;

    public SessionRunner(
            SessionSettings settings,
            Function<ServerAddress, Socket> connector,
            NxViewer viewer,
            UserConsole console,
            VmChooser chooser) {
        this.settings = settings;
        this.connector = connector;
        this.viewer = viewer;
        this.console = console;
        this.chooser = chooser;
        this.restartPending = settings.restartVm();
    }

    public List<VmSummary> list() {
        try (L7rConnection connection = open()) {
            return connection.listVms();
        }
    }

    /** A new login token from the server ({@code create_auth_token}), for {@code --token} later. */
    public String createToken() {
        try (L7rConnection connection = open()) {
            return connection.createAuthToken();
        }
    }

    /** Runs the session; after a drop, reconnects as the settings say. Failures end as {@link ClientException}. */
    public ExitStatus run() throws InterruptedException {
        Attempt first = attempt(settings.vmId());
        if (ended(first)) {
            reconnect(first.vmId());
        }
        return ExitStatus.OK;
    }

    /** Reports how the attempt ended; true when the server dropped and the user wants to reconnect. */
    private boolean ended(Attempt attempt) {
        if (attempt.result().end() == Tunnel.End.VIEWER_CLOSED) {
            console.info("The NX session ended (the viewer closed).");
            return false;
        }
        console.info("The server closed the connection to VM " + attempt.vmId() + ".");
        return wantsReconnect(attempt.vmId());
    }

    private void reconnect(long vmId) throws InterruptedException {
        int failures = 0;
        while (true) {
            try {
                Attempt attempt = attempt(vmId);
                failures = 0;
                if (!ended(attempt)) {
                    return;
                }
            } catch (ClientException e) {
                boolean retriable =
                        e.status() == ExitStatus.CONNECTION_FAILED || e.status() == ExitStatus.SERVER_UNAVAILABLE;
                if (!retriable || ++failures >= settings.reconnectAttempts()) {
                    throw e;
                }
                long wait = Math.min(30, 1L << failures);
                console.error(e.getMessage() + "\nRetrying in " + wait + " s (" + failures + "/"
                        + settings.reconnectAttempts() + ").");
                Thread.sleep(wait * 1000);
            }
        }
    }

    private boolean wantsReconnect(long vmId) {
        if (settings.reconnect() == Reconnect.ALWAYS) {
            console.info("Reconnecting to VM " + vmId + "…");
            return true;
        }
        if (settings.reconnect() == Reconnect.NEVER || !console.interactive()) {
            return false;
        }
        String answer = console.ask("Reconnect to VM " + vmId + " (yes/no)? ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }

    private record Attempt(long vmId, Tunnel.Result result) {}

    private Attempt attempt(Long wanted) throws InterruptedException {
        L7rConnection connection = open();
        try {
            List<VmSummary> vms = connection.listVms();
            long vmId = wanted != null ? wanted : chooser.choose(vms);
            if (connection.closedByServer()) {
                connection.close();
                connection = open();
            }
            if (restartPending) {
                console.info("Stopping VM " + vmId + " first…");
                connection.stopVm(vmId, info -> console.info("Server: " + info));
                restartPending = false; // a reconnect resumes the new session, it does not restart it again
            }
            ConnectSettings connect =
                    settings.connect().withNxCookie(settings.sendNxCookie() ? NxCookie.generate() : null);
            console.info("Connecting to VM " + vmId + "…");
            Upgraded upgraded =
                    connection.connect(vmId, connect.queryParameters(vmId), info -> console.info("Server: " + info));
            String cookie = upgraded.serverNxCookie() != null ? upgraded.serverNxCookie() : connect.nxCookie();
            return new Attempt(vmId, forward(upgraded, cookie, connect));
        } finally {
            connection.close();
        }
    }

    private Tunnel.Result forward(Upgraded upgraded, String cookie, ConnectSettings connect)
            throws InterruptedException {
        try (ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            console.info("Connected. Starting the NX viewer on local port " + local.getLocalPort() + ".");
            try (NxViewer.RunningViewer running = startViewer(local.getLocalPort(), cookie, connect)) {
                Socket nx = acceptViewer(local, running);
                local.close(); // one viewer per session: nobody else may connect
                nx.setTcpNoDelay(true);
                Tunnel.Result result = Tunnel.run(nx, upgraded);
                console.info("Session ended: " + result.bytesToServer() + " bytes sent, " + result.bytesToViewer()
                        + " bytes received.");
                return result;
            }
        } catch (IOException e) {
            throw new ClientException(ExitStatus.VIEWER_FAILED, "The local forwarding failed: " + e.getMessage(), e);
        }
    }

    private NxViewer.RunningViewer startViewer(int port, String cookie, ConnectSettings connect) {
        try {
            return viewer.start(port, cookie, connect.link());
        } catch (IOException e) {
            throw new ClientException(ExitStatus.VIEWER_FAILED, "Cannot start the NX viewer: " + e.getMessage(), e);
        }
    }

    private Socket acceptViewer(ServerSocket local, NxViewer.RunningViewer running) throws IOException {
        long deadline = System.nanoTime() + settings.viewerTimeoutMillis() * 1_000_000L;
        local.setSoTimeout(250);
        while (true) {
            try {
                return local.accept();
            } catch (SocketTimeoutException e) {
                if (!running.alive() || System.nanoTime() > deadline) {
                    throw new ClientException(
                            ExitStatus.VIEWER_FAILED,
                            "The NX viewer did not connect to the " + "forwarded port. " + running.diagnostics());
                }
            }
        }
    }

    private L7rConnection open() {
        Socket socket = connector.apply(settings.server());
        try {
            return new L7rConnection(
                    socket, settings.credentials(), settings.server().toString(), settings.readTimeoutMillis());
        } catch (IOException e) {
            throw new ClientException(
                    ExitStatus.CONNECTION_FAILED,
                    "The connection to " + settings.server() + " broke: " + e.getMessage(),
                    e);
        }
    }
}
