package org.qvd.vm.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.ObjectCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin vm <verb>}. */
@Command(name = "vm", description = "Virtual machines.", mixinStandardHelpOptions = true,
        footer = {"", "Filters: id, name (contains), user, osf, host, tenant (names or ids), state, blocked.",
            "Examples:", "  qvd-admin vm list user=alice", "  qvd-admin vm add name=desk user=alice osf=desktop",
            "  qvd-admin vm start id=7", "  qvd-admin vm set id=7 -s description='for tests'"})
public class VmCommand extends ObjectCommand {

    private static final String FILTERS = "key=value";

    @Override
    protected String resource() {
        return "vms";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "name", "userLogin", "osfName", "diTag", "ip", "state", "userState", "hostName", "blocked",
                "lastFailure");
    }

    @Command(description = "List VMs (all when no filter).", mixinStandardHelpOptions = true)
    public int list(@Parameters(paramLabel = FILTERS, arity = "0..*") List<String> filters) {
        return doList(filters);
    }

    @Command(description = "Create a VM: name=, user=, osf= (names or ids), optional diTag=, ip=, description=.",
            mixinStandardHelpOptions = true)
    public int add(@Parameters(paramLabel = "field=value", arity = "1..*") List<String> fields) {
        return doAdd(fields);
    }

    @Command(description = "Change the selected VMs: -s name=, diTag=, ip=, description=.", mixinStandardHelpOptions = true)
    public int set(@Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters,
            @Option(names = {"-s", "--set"}, required = true, paramLabel = "field=value") List<String> changes) {
        return doSet(filters, changes);
    }

    @Command(name = "del", aliases = "delete", description = "Delete the selected (stopped) VMs. Their users' home "
            + "disks stay on the hosts unless --purge-home.", mixinStandardHelpOptions = true)
    public int del(@Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters,
            @Option(names = "--purge-home", description = "also delete the home disks (cannot be undone)")
            boolean purgeHome) {
        return doDelete(filters, purgeHome ? "?purgeHome=true" : "");
    }

    @Command(description = "Start the selected VMs.", mixinStandardHelpOptions = true)
    public int start(@Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters) {
        return doAction(filters, "start");
    }

    @Command(description = "Stop the selected VMs.", mixinStandardHelpOptions = true)
    public int stop(@Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters) {
        return doAction(filters, "stop");
    }

    @Command(description = "Block the selected VMs.", mixinStandardHelpOptions = true)
    public int block(@Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters) {
        return doAction(filters, "block");
    }

    @Command(description = "Unblock the selected VMs.", mixinStandardHelpOptions = true)
    public int unblock(@Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters) {
        return doAction(filters, "unblock");
    }

    @Command(description = "Disconnect the user from the selected VMs.", mixinStandardHelpOptions = true)
    public int disconnect(@Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters) {
        return doAction(filters, "disconnect");
    }

    @Command(description = "Set the soft (warn) and hard (stop) expiry of the selected VMs.",
            mixinStandardHelpOptions = true)
    public int expire(@Parameters(paramLabel = FILTERS, arity = "1..*") List<String> filters,
            @Option(names = "--soft", paramLabel = "INSTANT", description = "e.g. 2030-01-31T12:00:00Z") String soft,
            @Option(names = "--hard", paramLabel = "INSTANT", description = "e.g. 2030-02-01T00:00:00Z") String hard) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("soft", soft);
        body.put("hard", hard);
        return forEach(filters, id -> api().post(path(id) + "/expire", body));
    }
}
