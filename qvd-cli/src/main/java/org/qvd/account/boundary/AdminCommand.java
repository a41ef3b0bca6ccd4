package org.qvd.account.boundary;

import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.ObjectCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin user <verb>}. */
@Command(name = "admin", description = "Administrators (who use the WAT, the API and this CLI).", mixinStandardHelpOptions = true,
        footer = {"", "Filters: id, name (contains), tenant, blocked.", "Fields for add: name=, password=, tenant= (superadmins), description=."})
public class AdminCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "administrators";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "name", "tenantName", "blocked", "roles");
    }

    @Command(description = "List (all when no filter).", mixinStandardHelpOptions = true)
    public int list(@Parameters(paramLabel = "key=value", arity = "0..*") List<String> filters) {
        return doList(filters);
    }

    @Command(description = "Create one.", mixinStandardHelpOptions = true)
    public int add(@Parameters(paramLabel = "field=value", arity = "1..*") List<String> fields) {
        return doAdd(fields);
    }

    @Command(description = "Change the selected ones: -s field=value.", mixinStandardHelpOptions = true)
    public int set(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = {"-s", "--set"}, required = true, paramLabel = "field=value") List<String> changes) {
        return doSet(filters, changes);
    }

    @Command(name = "del", aliases = "delete", description = "Delete the selected ones.", mixinStandardHelpOptions = true)
    public int del(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters) {
        return doDelete(filters);
    }

    @Command(description = "Block the selected ones.", mixinStandardHelpOptions = true)
    public int block(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters) {
        return doAction(filters, "block");
    }

    @Command(description = "Unblock the selected ones.", mixinStandardHelpOptions = true)
    public int unblock(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters) {
        return doAction(filters, "unblock");
    }

    @Command(description = "Give a role to the selected administrators.", mixinStandardHelpOptions = true)
    public int assign(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--role", required = true, description = "role name or id") String role) {
        long roleId = role.matches("\\d+") ? Long.parseLong(role) : lookup(REFS.get("role"), role);
        return forEach(filters, id -> api().put(path(id) + "/roles/" + roleId, null));
    }

    @Command(description = "Take a role from the selected administrators.", mixinStandardHelpOptions = true)
    public int unassign(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--role", required = true, description = "role name or id") String role) {
        long roleId = role.matches("\\d+") ? Long.parseLong(role) : lookup(REFS.get("role"), role);
        return forEach(filters, id -> api().delete(path(id) + "/roles/" + roleId));
    }

    @Command(description = "Set the password of the selected ones (read from QVD_NEW_PASSWORD or --new-password).",
            mixinStandardHelpOptions = true)
    public int passwd(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--new-password", paramLabel = "PASSWORD") String password) {
        String pw = password != null ? password : System.getenv("QVD_NEW_PASSWORD");
        if (pw == null && System.console() != null) {
            pw = new String(System.console().readPassword("New password: "));
        }
        if (pw == null) {
            throw new org.qvd.cli.platform.CliException(org.qvd.cli.platform.ExitCode.USAGE, "cli.no_password",
                    "give the new password with --new-password or QVD_NEW_PASSWORD");
        }
        Map<String, Object> body = Map.of("password", pw);
        return forEach(filters, id -> api().put(path(id) + "/password", body));
    }
}
