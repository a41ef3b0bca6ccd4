package org.qvd.cli.config.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.KeyValues;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Output;
import org.qvd.cli.platform.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin config <verb>}: global (superadmins) or per-tenant settings. */
@Command(
        name = "config",
        description = "Configuration keys (global, or per tenant with --tenant).",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  qvd-admin config list key=vm.network",
            "  qvd-admin config set vm.network.ip.start=10.3.15.20",
            "  qvd-admin config del vm.network.ip.start"
        })
public class ConfigCommand extends ObjectCommand {

    @Option(names = "--tenant", description = "tenant id (default: global for superadmins, own tenant otherwise)")
    Long tenantId;

    @Override
    protected String resource() {
        return "config";
    }

    @Override
    protected List<String> columns() {
        return List.of("key", "value", "source", "defaultValue", "description");
    }

    @Command(description = "List keys and effective values (filter: key=<part>).", mixinStandardHelpOptions = true)
    public int list(@Parameters(paramLabel = "key=value", arity = "0..*") List<String> filters) {
        Map<String, String> query = new LinkedHashMap<>(KeyValues.parse(filters));
        tenant(query);
        return print(api().get(resource(), query));
    }

    @Command(description = "Show keys' effective values.", mixinStandardHelpOptions = true)
    public int get(@Parameters(paramLabel = "KEY", arity = "1..*") List<String> keys) {
        List<JsonNode> values = new ArrayList<>();
        for (String key : keys) {
            values.add(api().get(resource() + "/" + RestClient.enc(key), tenant(new LinkedHashMap<>())));
        }
        return print(Output.array(values));
    }

    @Command(description = "Set keys (key=value ...).", mixinStandardHelpOptions = true)
    public int set(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> pairs) {
        List<JsonNode> values = new ArrayList<>();
        KeyValues.parse(pairs)
                .forEach((k, v) -> values.add(api().put(
                                resource() + "/" + RestClient.enc(k)
                                        + RestClient.queryOf(tenant(new LinkedHashMap<>())),
                                Map.of("value", v))));
        return print(Output.array(values));
    }

    @Command(
            name = "del",
            aliases = "delete",
            description = "Remove stored values so the next level applies.",
            mixinStandardHelpOptions = true)
    public int del(@Parameters(paramLabel = "KEY", arity = "1..*") List<String> keys) {
        List<JsonNode> values = new ArrayList<>();
        for (String key : keys) {
            values.add(api().delete(resource() + "/" + RestClient.enc(key)
                    + RestClient.queryOf(tenant(new LinkedHashMap<>()))));
        }
        return print(Output.array(values));
    }

    private Map<String, String> tenant(Map<String, String> query) {
        if (tenantId != null) {
            query.put("tenantId", tenantId.toString());
        }
        return query;
    }
}
