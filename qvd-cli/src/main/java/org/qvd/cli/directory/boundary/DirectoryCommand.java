package org.qvd.cli.directory.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.CliException;
import org.qvd.cli.platform.ExitCode;
import org.qvd.cli.platform.KeyValues;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Output;
import org.qvd.cli.platform.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin directory <verb>}: a tenant's LDAP / Active Directory (REST /api/v1/directories). */
@Command(
        name = "directory",
        description = "Tenants' user directories (LDAP / Active Directory).",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Fields: url=, startTls=, caPemFile=<path>, bindDn=, bindSecretFile=<path>, userBaseDn=, userFilter=,",
            "  groupBaseDn=, groupFilter=, requiredGroup=, localUsers=, osf=<name|id>, provisionTag=,",
            "  groupOsfs=<group>:<osf id>[,...], cacheSeconds=, enabled=, tenant=<name|id> (add).",
            "Examples:",
            "  qvd-admin directory add tenant=acme url=ldaps://ad.acme.local caPemFile=ad-ca.pem \\",
            "      bindDn=CN=qvd,OU=Svc,DC=acme,DC=local bindSecretFile=secret.txt userBaseDn=OU=Staff,DC=acme,DC=local \\",
            "      'userFilter=(sAMAccountName=%u)' groupFilter= requiredGroup='VDI Users' osf=desktop",
            "  qvd-admin directory probe 3 jdoe",
            "  qvd-admin directory users 3",
            "  qvd-admin directory set 3 enabled=false"
        })
public class DirectoryCommand extends ObjectCommand {

    private static final List<String> TEXT = List.of(
            "url",
            "bindDn",
            "userBaseDn",
            "userFilter",
            "groupBaseDn",
            "groupFilter",
            "requiredGroup",
            "provisionTag",
            "caPem",
            "bindSecret");

    @Override
    protected String resource() {
        return "directories";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "tenantName", "url", "userBaseDn", "requiredGroup", "enabled", "bindSecretSet");
    }

    @Command(description = "List directories (filter: tenant=<name|id>).", mixinStandardHelpOptions = true)
    public int list(@Parameters(paramLabel = "key=value", arity = "0..*") List<String> filters) {
        return print(api().get(resource(), query(KeyValues.parse(filters))));
    }

    @Command(description = "Show one directory (never its bind secret).", mixinStandardHelpOptions = true)
    public int show(@Parameters(paramLabel = "ID") long id) {
        return print(Output.array(List.of(api().get(resource() + "/" + id, Map.of()))));
    }

    @Command(description = "Connect a tenant to its directory.", mixinStandardHelpOptions = true)
    public int add(@Parameters(paramLabel = "key=value", arity = "1..*") List<String> fields) {
        return print(Output.array(List.of(api().post(resource(), settings(KeyValues.parse(fields))))));
    }

    @Command(description = "Change settings (the others, and the bind secret, stay).", mixinStandardHelpOptions = true)
    public int set(
            @Parameters(index = "0", paramLabel = "ID") long id,
            @Parameters(index = "1..*", paramLabel = "key=value", arity = "1..*") List<String> changes) {
        ObjectNode current = (ObjectNode) api().get(resource() + "/" + id, Map.of());
        current.remove(List.of("id", "tenantName", "bindSecretSet", "createdAt"));
        Map<String, Object> body = RestClient.JSON.convertValue(
                current,
                RestClient.JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        body.putAll(settings(KeyValues.parse(changes)));
        return print(Output.array(List.of(api().put(resource() + "/" + id, body))));
    }

    @Command(
            name = "del",
            aliases = "delete",
            description = "Delete a directory (its users can no longer log in).",
            mixinStandardHelpOptions = true)
    public int del(@Parameters(paramLabel = "ID") long id) {
        api().delete(resource() + "/" + id);
        return ExitCode.OK;
    }

    @Command(
            description = "Ask the directory about a login (no password): found, DN, groups, admitted, OSF.",
            mixinStandardHelpOptions = true)
    public int probe(
            @Parameters(index = "0", paramLabel = "ID") long id,
            @Parameters(index = "1", paramLabel = "LOGIN") String login) {
        JsonNode answer = api().post(resource() + "/" + id + "/probe" + RestClient.queryOf(Map.of("login", login)), "");
        Output.print(
                out(),
                Output.array(List.of(answer)),
                List.of("reachable", "found", "dn", "groups", "admitted", "osfId", "problem"),
                root.json());
        return answer.path("reachable").asBoolean() ? ExitCode.OK : ExitCode.ERROR;
    }

    @Command(
            description = "Users from the directory: when it last vouched for them, why it last refused them.",
            mixinStandardHelpOptions = true)
    public int users(@Parameters(paramLabel = "ID") long id) {
        Output.print(
                out(),
                api().get(resource() + "/" + id + "/users", Map.of()),
                List.of("userId", "login", "dn", "checkedAt", "refusal", "refusedAt"),
                root.json());
        return ExitCode.OK;
    }

    /** A request body: typed values, files read, the OSF and tenant by name, the group mapping as a map. */
    private Map<String, Object> settings(Map<String, String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            switch (k) {
                case "caPemFile" -> out.put("caPem", read(v));
                case "bindSecretFile" -> out.put("bindSecret", read(v).strip());
                case "osf" -> out.put("provisionOsfId", body(Map.of("osf", v)).get("osfId"));
                case "tenant" -> out.put("tenantId", body(Map.of("tenant", v)).get("tenantId"));
                case "groupOsfs" -> out.put("groupOsfs", groups(v));
                default -> out.put(k, KeyValues.typed(k, v, TEXT));
            }
        });
        return out;
    }

    private static Map<String, Long> groups(String value) {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0 || !pair.substring(colon + 1).trim().matches("\\d+")) {
                throw new CliException(
                        ExitCode.USAGE, "cli.bad_value", "groupOsfs: <group>:<osf id>[,...], not '" + pair + "'");
            }
            groups.put(
                    pair.substring(0, colon).trim(),
                    Long.parseLong(pair.substring(colon + 1).trim()));
        }
        return groups;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cli.file", "cannot read " + file + ": " + e.getMessage());
        }
    }
}
