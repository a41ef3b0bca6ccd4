package org.qvd.cli.sso.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.CliException;
import org.qvd.cli.platform.ExitCode;
import org.qvd.cli.platform.KeyValues;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code qvd-admin sso <verb>}: which claim values of the OpenID Connect provider make administrators of which
 * tenant with which role (REST /api/v1/sso-mappings, docs/identity.md "Single sign-on").
 */
@Command(
        name = "sso",
        description = "Single sign-on for administrators: provider claims mapped to a tenant's roles.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Fields: tenant=<name|id>, claim= (default groups), value=, role=<name|id>.",
            "Examples:",
            "  qvd-admin sso add tenant=acme value=qvd-operators role=Operator",
            "  qvd-admin sso add tenant=acme claim=department value=IT role=Reader",
            "  qvd-admin sso list tenant=acme",
            "  qvd-admin sso del 3"
        })
public class SsoCommand extends ObjectCommand {

    private static final List<String> FIELDS = List.of("tenant", "claim", "value", "role");

    @Override
    protected String resource() {
        return "sso-mappings";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "tenantName", "claim", "value", "roleName");
    }

    @Command(description = "List mappings (filter: tenant=<name|id>).", mixinStandardHelpOptions = true)
    public int list(@Parameters(paramLabel = "key=value", arity = "0..*") List<String> filters) {
        return print(api().get(resource(), query(KeyValues.parse(filters))));
    }

    @Command(
            description = "Map a claim value to a role: the provider's users whose claim holds it become the tenant's"
                    + " administrators with that role.",
            mixinStandardHelpOptions = true)
    public int add(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> fields) {
        Map<String, String> given = KeyValues.parse(fields);
        for (String k : given.keySet()) {
            if (!FIELDS.contains(k)) {
                throw new CliException(
                        ExitCode.USAGE, "cli.bad_field", "unknown field '" + k + "' (fields: " + FIELDS + ")");
            }
        }
        Map<String, String> refs = new LinkedHashMap<>();
        if (given.containsKey("tenant")) {
            refs.put("tenant", given.get("tenant"));
        }
        refs.put("role", required(given, "role"));
        Map<String, Object> input = new LinkedHashMap<>(body(refs));
        // claim and value are text as typed ("123" stays a string)
        input.put("claim", given.getOrDefault("claim", "groups"));
        input.put("value", required(given, "value"));
        return print(Output.array(List.of(api().post(resource(), input))));
    }

    @Command(
            name = "del",
            aliases = "delete",
            description = "Delete a mapping (administrators it made keep the role until their next single sign-on).",
            mixinStandardHelpOptions = true)
    public int del(@Parameters(paramLabel = "ID") String id) {
        api().delete(path(id));
        return ExitCode.OK;
    }

    private static String required(Map<String, String> fields, String key) {
        String v = fields.get(key);
        if (v == null || v.isBlank()) {
            throw new CliException(ExitCode.USAGE, "cli.missing", key + "= is required");
        }
        return v;
    }
}
