package org.qvd.cli.account.boundary;

import java.util.List;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Verbs;
import picocli.CommandLine.Command;

/** {@code qvd-admin tenant <verb>}. */
@Command(
        subcommands = {Verbs.ListVerb.class, Verbs.Add.class, Verbs.Set.class, Verbs.Del.class},
        name = "tenant",
        description = "Tenants (isolated organisations).",
        mixinStandardHelpOptions = true,
        footer = {"", "Filters: id, name (contains), blocked.", "Fields for add: name=, description=."})
public class TenantCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "tenants";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "name", "blocked", "description");
    }

    @Override
    protected List<String> actions() {
        return List.of("block", "unblock");
    }
}
