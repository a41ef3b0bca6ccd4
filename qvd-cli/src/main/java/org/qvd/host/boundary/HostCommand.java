package org.qvd.host.boundary;

import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.ObjectCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin host <verb>}. */
@Command(name = "host", description = "Hypervisor hosts.", mixinStandardHelpOptions = true,
        footer = {"", "Filters: id, name (contains), state, blocked.", "Fields for add: name=, address=, description=."})
public class HostCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "hosts";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "name", "address", "state", "blocked", "heartbeatAt", "load");
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

    @Command(description = "Stop the selected running hosts: their agents stop every VM, then themselves "
            + "(state stopping, then stopped).", mixinStandardHelpOptions = true)
    public int stop(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters) {
        return doAction(filters, "stop");
    }

    @Command(description = "Unblock the selected ones.", mixinStandardHelpOptions = true)
    public int unblock(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters) {
        return doAction(filters, "unblock");
    }
}
