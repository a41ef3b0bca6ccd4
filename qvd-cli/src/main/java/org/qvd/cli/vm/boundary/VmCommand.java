package org.qvd.cli.vm.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Verbs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin vm <verb>}. */
@Command(
        subcommands = {Verbs.ListVerb.class, Verbs.Add.class, Verbs.Set.class},
        name = "vm",
        description = "Virtual machines.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Filters: id, name (contains), user, osf, host, tenant (names or ids), state, blocked.",
            "Fields for add: name=, user=, osf= (names or ids), diTag=, ip=, description=.",
            "Examples:",
            "  qvd-admin vm list user=alice",
            "  qvd-admin vm add name=desk user=alice osf=desktop",
            "  qvd-admin vm start id=7",
            "  qvd-admin vm set id=7 -s description='for tests'"
        })
public class VmCommand extends ObjectCommand {

    private static final String FILTERS = "key=value";

    @Override
    protected String resource() {
        return "vms";
    }

    @Override
    protected List<String> columns() {
        return List.of(
                "id",
                "name",
                "userLogin",
                "osfName",
                "diTag",
                "ip",
                "state",
                "userState",
                "hostName",
                "blocked",
                "lastFailure");
    }

    @Override
    protected List<String> actions() {
        return List.of("start", "stop", "block", "unblock", "disconnect");
    }

    @Command(
            name = "del",
            aliases = "delete",
            description = "Delete the selected (stopped) VMs. Their users' home "
                    + "disks stay on the hosts unless --purge-home.",
            mixinStandardHelpOptions = true)
    public int del(
            @Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters,
            @Option(names = "--purge-home", description = "also delete the home disks (cannot be undone)")
                    boolean purgeHome) {
        return doDelete(filters, purgeHome ? "?purgeHome=true" : "");
    }

    @Command(
            description = "Set the soft (warn) and hard (stop) expiry of the selected VMs.",
            mixinStandardHelpOptions = true)
    public int expire(
            @Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters,
            @Option(names = "--soft", paramLabel = "INSTANT", description = "e.g. 2030-01-31T12:00:00Z") String soft,
            @Option(names = "--hard", paramLabel = "INSTANT", description = "e.g. 2030-02-01T00:00:00Z") String hard) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("soft", soft);
        body.put("hard", hard);
        return forEach(filters, id -> api().post(path(id) + "/expire", body));
    }
}
