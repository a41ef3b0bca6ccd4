package org.qvd.cli.statistics.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qvd.cli.platform.ExitCode;
import org.qvd.cli.platform.KeyValues;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Output;
import org.qvd.cli.platform.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code qvd-admin stats [tenant=acme] [expiring=N]}: GET /statistics as three tables (the counts, the hosts,
 * the VMs closest to expiry), or the API's JSON with {@code --json}.
 */
@Command(
        name = "stats",
        description = "Counts of users, VMs, hosts, OSFs and DIs; hosts' VMs and load; VMs close " + "to expiry.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Filters: tenant (name or id; superadmins), expiring (how many VMs close to expiry, default 10).",
            "Example: qvd-admin stats tenant=acme expiring=5"
        })
public class StatsCommand extends ObjectCommand implements Callable<Integer> {

    static final List<String> HOST_COLUMNS = List.of("id", "name", "state", "blocked", "vmCount", "load", "freeRamMb");
    static final List<String> EXPIRING_COLUMNS =
            List.of("id", "name", "userLogin", "state", "expirationSoft", "expirationHard");

    @Parameters(paramLabel = "key=value", arity = "0..*")
    List<String> filters;

    @Override
    protected String resource() {
        return "statistics";
    }

    @Override
    protected List<String> columns() {
        return List.of("figure", "value");
    }

    @Override
    public Integer call() {
        JsonNode stats = api().get(resource(), query(KeyValues.parse(filters)));
        if (root.json()) {
            Output.print(out(), stats, columns(), true);
            return ExitCode.OK;
        }
        print(figures(stats));
        if (stats.hasNonNull("hostLoads") && !stats.get("hostLoads").isEmpty()) {
            out().println();
            Output.print(out(), stats.get("hostLoads"), HOST_COLUMNS, false);
        }
        if (stats.hasNonNull("expiring") && !stats.get("expiring").isEmpty()) {
            out().println();
            Output.print(out(), stats.get("expiring"), EXPIRING_COLUMNS, false);
        }
        return ExitCode.OK;
    }

    /** One row per number: users.total, vms.state.running, hosts.blocked, osfs... (sections the caller may see). */
    static ArrayNode figures(JsonNode stats) {
        ArrayNode rows = RestClient.JSON.createArrayNode();
        for (String section : List.of("users", "vms", "hosts", "osfs", "dis")) {
            JsonNode value = stats.get(section);
            if (value != null && !value.isNull()) {
                flatten(rows, section, value);
            }
        }
        return rows;
    }

    private static void flatten(ArrayNode rows, String prefix, JsonNode value) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
                String name = field.getKey().startsWith("by")
                        ? field.getKey().substring(2).toLowerCase(java.util.Locale.ROOT)
                        : field.getKey();
                flatten(rows, prefix + "." + name, field.getValue());
            }
        } else {
            rows.addObject().put("figure", prefix).set("value", value);
        }
    }
}
