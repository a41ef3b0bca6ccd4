package org.qvd.cli.account.boundary;

import java.util.List;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Verbs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin user <verb>}. */
@Command(
        subcommands = {Verbs.ListVerb.class, Verbs.Add.class, Verbs.Set.class, Verbs.Del.class, Verbs.Passwd.class},
        name = "admin",
        description = "Administrators (who use the WAT, the API and this CLI).",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Filters: id, name (contains), tenant, blocked.",
            "Fields for add: name=, password=, tenant= (superadmins), description=."
        })
public class AdminCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "administrators";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "name", "tenantName", "blocked", "roles");
    }

    @Override
    protected List<String> actions() {
        return List.of("block", "unblock");
    }

    @Command(description = "Give a role to the selected administrators.", mixinStandardHelpOptions = true)
    public int assign(
            @Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--role", required = true, description = "role name or id") String role) {
        long roleId = idOf(REFS.get("role"), role);
        return forEach(filters, id -> api().put(path(id) + "/roles/" + roleId, null));
    }

    @Command(description = "Take a role from the selected administrators.", mixinStandardHelpOptions = true)
    public int unassign(
            @Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--role", required = true, description = "role name or id") String role) {
        long roleId = idOf(REFS.get("role"), role);
        return forEach(filters, id -> api().delete(path(id) + "/roles/" + roleId));
    }
}
