package org.qvd.cli.host.boundary;

import java.util.List;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Verbs;
import picocli.CommandLine.Command;

/** {@code qvd-admin host <verb>}. */
@Command(
        subcommands = {Verbs.ListVerb.class, Verbs.Add.class, Verbs.Set.class, Verbs.Del.class},
        name = "host",
        description = "Hypervisor hosts.",
        mixinStandardHelpOptions = true,
        footer = {"", "Filters: id, name (contains), state, blocked.", "Fields for add: name=, address=, description=."
        })
public class HostCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "hosts";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "name", "address", "state", "kinds", "blocked", "heartbeatAt", "load");
    }

    @Override
    protected List<String> actions() {
        return List.of("block", "unblock", "stop");
    }
}
