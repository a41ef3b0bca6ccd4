package org.qvd.client.session.boundary;

import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.qvd.client.nx.control.NxViewer;
import org.qvd.client.nx.control.NxproxyLauncher;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.platform.SystemConsole;
import org.qvd.client.platform.UserConsole;
import org.qvd.client.session.control.KeyboardDetector;
import org.qvd.client.session.control.L7rRequests;
import org.qvd.client.session.control.SessionRunner;
import org.qvd.client.session.control.SessionSettings;
import org.qvd.client.session.control.SessionSettings.Reconnect;
import org.qvd.client.session.entity.ConnectSettings;
import org.qvd.client.session.entity.Link;
import org.qvd.client.session.entity.VmSummary;
import org.qvd.client.trust.control.FirstUsePolicy;
import org.qvd.client.trust.control.KnownServers;
import org.qvd.client.trust.control.TlsConnector;
import org.qvd.client.trust.entity.ServerAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qvd-client}: log in to a QVD server, pick a VM and show its desktop through nxproxy. */
@Command(
        name = "qvd-client",
        mixinStandardHelpOptions = true,
        version = "qvd-client 0.1.0",
        description = "Connects to a QVD server (L7R) and shows a virtual desktop through nxproxy.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:session ended normally",
            "2:usage error",
            "3:login rejected (401)",
            "4:forbidden or blocked (403)",
            "5:no such VM (404)",
            "6:protocol mismatch (426, 505, 422, garbage)",
            "7:server unavailable (503, timeout)",
            "8:TLS trust failure",
            "9:cannot connect",
            "10:NX viewer failed",
            "11:other server error",
            "1:internal error"
        })
public final class ClientMain implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "HOST[:PORT]", description = "QVD server, port 8443 by default.")
    String host;

    @Option(names = "--user", paramLabel = "LOGIN@TENANT", description = "Your login.")
    String user;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "Read the password from the first line of FILE (else $QVD_PASSWORD, else a prompt).")
    Path passwordFile;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Log in with the token in FILE (else $QVD_TOKEN) instead of a password; sent as Bearer.")
    Path tokenFile;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description =
                    "Log in with this token (from --create-token) instead of a password; sent as Bearer base64(TOKEN), like QVD's CLI. Visible to other local users in the process list: prefer --token-file or $QVD_TOKEN on shared machines.")
    String tokenOption;

    @Option(
            names = "--create-token",
            description =
                    "Log in with your password, print a new login token (multi-use, valid 24 h by default) and exit.")
    boolean createToken;

    @Option(names = "--vm", paramLabel = "ID", description = "Connect to this VM (else choose from the list).")
    Long vmId;

    @Option(names = "--list", description = "Only print your VMs.")
    boolean listOnly;

    @Option(names = "--gui", description = "Open the small window (login, VM list, connect) instead.")
    boolean gui;

    @Option(
            names = "--geometry",
            paramLabel = "WxH",
            defaultValue = "1024x768",
            description = "Desktop size (default ${DEFAULT-VALUE}).")
    String geometry;

    @Option(
            names = "--keyboard",
            paramLabel = "MODEL/LAYOUT",
            description = "Keyboard, e.g. pc105/us (default: detected with setxkbmap).")
    String keyboard;

    @Option(
            names = "--link",
            paramLabel = "TYPE",
            defaultValue = "adsl",
            description = "modem, isdn, adsl, wan, lan or local (default ${DEFAULT-VALUE}).")
    String link;

    @Option(names = "--restart-vm", description = "Stop the VM first (stop_vm), then connect: a fresh session.")
    boolean restartVm;

    @Option(names = "--fullscreen", description = "Ask for a full-screen desktop.")
    boolean fullscreen;

    @Option(
            names = "--ca-file",
            paramLabel = "PEM",
            description = "Verify the server against these CA certificates (else trust on first use).")
    Path caFile;

    @Option(
            names = "--known-servers",
            paramLabel = "FILE",
            description = "Pinned certificates (default ~/.config/qvd-client/known_servers).")
    Path knownServers;

    @Option(names = "--accept-new-server", description = "Remember an unknown server's certificate without asking.")
    boolean acceptNew;

    @Option(names = "--reconnect", description = "Reconnect at once when the server drops the session (else ask).")
    boolean reconnect;

    @Option(
            names = "--reconnect-attempts",
            defaultValue = "5",
            description = "Failed reconnect attempts before giving up (default ${DEFAULT-VALUE}).")
    int reconnectAttempts;

    @Option(
            names = "--timeout",
            defaultValue = "300",
            paramLabel = "SECONDS",
            description = "How long to wait for the server, e.g. while a VM boots (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--nxproxy",
            defaultValue = "nxproxy",
            paramLabel = "PATH",
            description = "The nxproxy program (default ${DEFAULT-VALUE}).")
    String nxproxy;

    @Option(
            names = "--no-nx-cookie",
            description = "Do not send an NX cookie (for servers that refuse unknown qvd.client.* parameters).")
    boolean noNxCookie;

    /** What {@link #run} returns when the window was opened: the event thread keeps the JVM alive. */
    static final int GUI_RUNNING = -1;

    private final UserConsole console;
    private final Map<String, String> env;
    private final Function<ClientMain, NxViewer> viewers;

    public ClientMain(UserConsole console, Map<String, String> env, Function<ClientMain, NxViewer> viewers) {
        this.console = console;
        this.env = env;
        this.viewers = viewers;
    }

    public static void main(String[] args) {
        UserConsole console = new SystemConsole(System.out, System.err);
        int exit = run(args, console, System.getenv(), ClientMain::nxproxyViewer);
        if (exit != GUI_RUNNING) {
            System.exit(exit);
        }
    }

    /** Runs the command with the given terminal, environment and viewer (tests pass their own). */
    public static int run(
            String[] args, UserConsole console, Map<String, String> env, Function<ClientMain, NxViewer> viewers) {
        return new CommandLine(new ClientMain(console, env, viewers))
                .setParameterExceptionHandler((error, given) -> {
                    console.error(error.getMessage() + "\nTry 'qvd-client --help'.");
                    return ExitStatus.USAGE.code();
                })
                .execute(args);
    }

    static NxViewer nxproxyViewer(ClientMain options) {
        String cache = options.env.getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        return new NxproxyLauncher(options.nxproxy, Path.of(cache, "qvd-client", "nx"), options.env.get("DISPLAY"));
    }

    @Override
    public Integer call() {
        try {
            if (gui) {
                ClientWindow.open(host, user, viewers.apply(this), knownServersFile());
                return GUI_RUNNING;
            }
            String token = createToken ? null : TokenSource.resolve(tokenOption, tokenFile, env);
            if (host == null || (user == null && token == null)) {
                throw new ClientException(
                        ExitStatus.USAGE, "Missing required options --host and --user (or use --gui).");
            }
            SessionRunner runner = runner(settings(token));
            if (createToken) {
                console.info(runner.createToken()); // alone on its line: QVD_TOKEN=$(qvd-client ... --create-token)
                return ExitStatus.OK.code();
            }
            if (listOnly) {
                List<VmSummary> vms = runner.list();
                VmPrompt.print(console, vms);
                return ExitStatus.OK.code();
            }
            return runner.run().code();
        } catch (ClientException e) {
            console.error(e.getMessage());
            return e.status().code();
        } catch (IllegalArgumentException e) {
            console.error(e.getMessage());
            return ExitStatus.USAGE.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.INTERNAL_ERROR.code();
        }
    }

    private SessionSettings settings(String token) {
        ServerAddress server = ServerAddress.parse(host);
        ConnectSettings connect = new ConnectSettings(
                geometry, Link.parse(link), keyboard != null ? keyboard : KeyboardDetector.detect(), fullscreen, null);
        L7rRequests credentials = token != null
                ? L7rRequests.bearer(token)
                : L7rRequests.basic(
                        user,
                        PasswordSource.resolve(
                                passwordFile, env, console, "Password for " + user + " at " + server + ": "));
        Reconnect mode = reconnect ? Reconnect.ALWAYS : Reconnect.ASK;
        return new SessionSettings(
                server,
                credentials,
                vmId,
                connect,
                !noNxCookie,
                timeoutSeconds * 1000,
                20_000,
                mode,
                reconnectAttempts,
                restartVm);
    }

    private Path knownServersFile() {
        return knownServers != null ? knownServers : KnownServers.defaultFile();
    }

    private SessionRunner runner(SessionSettings settings) {
        TlsConnector tls = caFile != null
                ? TlsConnector.withCaFile(caFile, 15_000)
                : TlsConnector.trustOnFirstUse(
                        new FirstUsePolicy(new KnownServers(knownServersFile()), console, acceptNew), 15_000);
        Function<ServerAddress, Socket> connector = tls::open;
        return new SessionRunner(settings, connector, viewers.apply(this), console, new VmPrompt(console));
    }
}
