package org.qvd.cli.account.boundary;

import java.util.List;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Verbs;
import picocli.CommandLine.Command;

/** {@code qvd-admin user <verb>}. */
@Command(
        subcommands = {Verbs.ListVerb.class, Verbs.Add.class, Verbs.Set.class, Verbs.Del.class, Verbs.Passwd.class},
        name = "user",
        description = "Users, who own VMs.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Filters: id, login (contains), tenant, blocked.",
            "Fields for add: login=, password=, tenant= (superadmins), description=."
        })
public class UserCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "users";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "login", "tenantName", "blocked", "description");
    }

    @Override
    protected List<String> actions() {
        return List.of("block", "unblock");
    }
}
