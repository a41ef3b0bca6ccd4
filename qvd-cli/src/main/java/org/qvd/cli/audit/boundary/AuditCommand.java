package org.qvd.cli.audit.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.KeyValues;
import org.qvd.cli.platform.ObjectCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin audit list}: the audit log, newest first. */
@Command(
        name = "audit",
        description = "The audit log of administrative actions.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Filters: admin, action, objectType, objectId, result (ok or an error code), tenant,",
            "from, to (ISO-8601), size (default 50).",
            "Example: qvd-admin audit list action=vm.start objectId=7"
        })
public class AuditCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "audit";
    }

    @Override
    protected List<String> columns() {
        return List.of(
                "id",
                "at",
                "adminName",
                "tenantName",
                "action",
                "objectType",
                "objectId",
                "objectName",
                "result",
                "sourceAddress");
    }

    @Command(description = "List entries, newest first.", mixinStandardHelpOptions = true)
    public int list(@Parameters(paramLabel = "key=value", arity = "0..*") List<String> filters) {
        Map<String, String> query = new LinkedHashMap<>(query(KeyValues.parse(filters)));
        query.putIfAbsent("size", "50");
        return print(api().get(resource(), query).get("items"));
    }
}
