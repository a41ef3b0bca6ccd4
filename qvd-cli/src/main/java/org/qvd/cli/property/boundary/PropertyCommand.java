package org.qvd.cli.property.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.KeyValues;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Output;
import org.qvd.cli.platform.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin property <verb> <vm|user|host|osf|di> <id> ...}. */
@Command(
        name = "property",
        description = "Key/value properties of VMs, users, hosts, OSFs and DIs.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Examples:",
            "  qvd-admin property list vm 7",
            "  qvd-admin property set vm 7 qvd.client.keyboard=es",
            "  qvd-admin property del vm 7 qvd.client.keyboard"
        })
public class PropertyCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "properties";
    }

    @Override
    protected List<String> columns() {
        return List.of("objectType", "objectId", "key", "value");
    }

    @Command(description = "List an object's properties.", mixinStandardHelpOptions = true)
    public int list(
            @Parameters(index = "0", paramLabel = "TYPE", description = "vm, user, host, osf or di") String type,
            @Parameters(index = "1", paramLabel = "ID") long id) {
        return print(api().get(owner(type, id), Map.of()));
    }

    @Command(description = "Set properties (key=value ...).", mixinStandardHelpOptions = true)
    public int set(
            @Parameters(index = "0", paramLabel = "TYPE") String type,
            @Parameters(index = "1", paramLabel = "ID") long id,
            @Parameters(index = "2..*", arity = "1..*", paramLabel = "key=value") List<String> pairs) {
        List<JsonNode> done = new ArrayList<>();
        KeyValues.parse(pairs)
                .forEach((k, v) -> done.add(api().put(owner(type, id) + "/" + RestClient.enc(k), Map.of("value", v))));
        return print(Output.array(done));
    }

    @Command(
            name = "del",
            aliases = "delete",
            description = "Delete properties by key.",
            mixinStandardHelpOptions = true)
    public int del(
            @Parameters(index = "0", paramLabel = "TYPE") String type,
            @Parameters(index = "1", paramLabel = "ID") long id,
            @Parameters(index = "2..*", arity = "1..*", paramLabel = "KEY") List<String> keys) {
        for (String key : keys) {
            api().delete(owner(type, id) + "/" + RestClient.enc(key));
        }
        return print(Output.array(List.of()));
    }

    private String owner(String type, long id) {
        return resource() + "/" + RestClient.enc(type) + "/" + id;
    }
}
