package org.qvd.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.qvd.cli.account.boundary.AdminCommand;
import org.qvd.cli.account.boundary.RoleCommand;
import org.qvd.cli.account.boundary.TenantCommand;
import org.qvd.cli.account.boundary.UserCommand;
import org.qvd.cli.audit.boundary.AuditCommand;
import org.qvd.cli.config.boundary.ConfigCommand;
import org.qvd.cli.directory.boundary.DirectoryCommand;
import org.qvd.cli.host.boundary.HostCommand;
import org.qvd.cli.image.boundary.DiCommand;
import org.qvd.cli.image.boundary.OsfCommand;
import org.qvd.cli.property.boundary.PropertyCommand;
import org.qvd.cli.sso.boundary.SsoCommand;
import org.qvd.cli.statistics.boundary.StatsCommand;
import org.qvd.cli.vm.boundary.VmCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code qvd-admin <object> <verb> [key=value filters] [--options]}: QVD administration over the REST API. */
@Command(
        name = "qvd-admin",
        mixinStandardHelpOptions = true,
        version = "qvd-admin 0.1.0",
        description = "Administers QVD through its REST API, in the spirit of QVD's qa4.",
        subcommands = {
            TenantCommand.class,
            UserCommand.class,
            AdminCommand.class,
            RoleCommand.class,
            VmCommand.class,
            HostCommand.class,
            OsfCommand.class,
            DiCommand.class,
            PropertyCommand.class,
            ConfigCommand.class,
            DirectoryCommand.class,
            SsoCommand.class,
            AuditCommand.class,
            StatsCommand.class,
            AutoComplete.GenerateCompletion.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Server and credentials: --url/--login/--password or QVD_API_URL, QVD_ADMIN_LOGIN, "
                    + "QVD_ADMIN_PASSWORD (QVD_ADMIN_TOKEN, QVD_CA_FILE, QVD_INSECURE) or ~/.config/qvd/admin.conf.",
            ExitCode.HELP
        },
        scope = ScopeType.INHERIT)
public class QvdAdmin {

    @Option(names = "--url", scope = ScopeType.INHERIT, description = "API URL, e.g. https://qvd.example:9443/api")
    String url;

    @Option(
            names = {"-l", "--login"},
            scope = ScopeType.INHERIT,
            description = "administrator login name@tenant")
    String login;

    @Option(
            names = "--password",
            scope = ScopeType.INHERIT,
            description = "password (prefer QVD_ADMIN_PASSWORD or the config file: options show in ps)")
    String password;

    @Option(names = "--token", scope = ScopeType.INHERIT, description = "bearer token from 'qvd-admin token'")
    String token;

    @Option(
            names = "--ca-file",
            scope = ScopeType.INHERIT,
            description = "PEM file of the CA(s) to trust (default: QVD_HOME/tls/ca.pem if it exists, else the JVM's)")
    Path caFile;

    @Option(
            names = {"-k", "--insecure"},
            scope = ScopeType.INHERIT,
            description = "refused: qvd-admin trusts only a CA (--ca-file)")
    Boolean insecure;

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            description = "config file (default ~/.config/qvd/admin.conf)")
    Path configFile;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print JSON instead of tables")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;
    private final Path home;
    private RestClient client;

    public QvdAdmin() {
        this(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public QvdAdmin(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new QvdAdmin()).execute(args));
    }

    /** The configured command line: CLI failures print one line on stderr and exit with their code. */
    public static CommandLine commandLine(QvdAdmin admin) {
        CommandLine cl = new CommandLine(admin);
        cl.getSubcommands().values().forEach(Verbs::addActions);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliException cli) {
                line.getErr().println("qvd-admin: " + cli.getMessage() + " [" + cli.code() + "]");
                line.getErr().flush();
                return cli.exitCode();
            }
            throw e;
        });
        return cl;
    }

    public boolean json() {
        return json;
    }

    public RestClient client() {
        if (client == null) {
            client = new RestClient(Settings.resolve(
                    new Settings.Overrides(url, login, password, token, caFile, insecure, configFile), env, home));
        }
        return client;
    }

    @Command(name = "whoami", description = "Show the calling administrator and its ACLs.")
    int whoami() {
        JsonNode me = client().get("administrators/me", Map.of());
        Output.print(
                spec.commandLine().getOut(), me, List.of("adminId", "name", "tenantName", "superadmin", "acls"), json);
        return ExitCode.OK;
    }

    @Command(name = "counters", description = "VMs and hosts by state, connected users, connection counters.")
    int counters() {
        JsonNode c = client().get("counters", Map.of());
        Output.print(
                spec.commandLine().getOut(),
                c,
                List.of("vmsByState", "hostsByState", "connectedUsers", "connectAttempts", "connectSuccesses"),
                json);
        return ExitCode.OK;
    }

    @Command(name = "token", description = "Get a bearer token (use it as QVD_ADMIN_TOKEN instead of a password).")
    int token() {
        JsonNode t = client().post("auth/token", null);
        Output.print(spec.commandLine().getOut(), t, List.of("token", "expiresAt"), json);
        return ExitCode.OK;
    }
}
