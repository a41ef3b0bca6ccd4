package org.qvd.cli.account.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.qvd.cli.platform.ObjectCommand;
import org.qvd.cli.platform.Output;
import org.qvd.cli.platform.Verbs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qvd-admin role <verb>}. */
@Command(
        subcommands = {Verbs.ListVerb.class, Verbs.Add.class, Verbs.Set.class, Verbs.Del.class},
        name = "role",
        description = "Roles made of ACLs.",
        mixinStandardHelpOptions = true,
        footer = {
            "",
            "Filters: id, name (contains), tenant.",
            "Fields for add: name=, tenant=, description=.",
            "Example: qvd-admin role grant name=helpdesk --acl vm.update.state"
        })
public class RoleCommand extends ObjectCommand {

    @Override
    protected String resource() {
        return "roles";
    }

    @Override
    protected List<String> columns() {
        return List.of("id", "name", "tenantId", "fixed", "inherits", "granted", "denied");
    }

    @Command(description = "List every ACL a role can grant or deny.", mixinStandardHelpOptions = true)
    public int acls() {
        JsonNode acls = api().get("roles/acls", Map.of());
        Output.print(out(), acls, List.of("name", "description"), root.json());
        return 0;
    }

    @Command(description = "Grant an ACL.", mixinStandardHelpOptions = true)
    public int grant(
            @Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--acl", required = true) String acl) {
        return forEach(filters, id -> api().put(path(id) + "/acls/" + acl, null));
    }

    @Command(description = "Deny an ACL (also an inherited one).", mixinStandardHelpOptions = true)
    public int deny(
            @Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--acl", required = true) String acl) {
        return forEach(filters, id -> api().put(path(id) + "/denied-acls/" + acl, null));
    }

    @Command(description = "Forget a granted or denied ACL.", mixinStandardHelpOptions = true)
    public int forget(
            @Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--acl", required = true) String acl) {
        return forEach(filters, id -> api().delete(path(id) + "/acls/" + acl));
    }

    @Command(description = "Inherit another role.", mixinStandardHelpOptions = true)
    public int inherit(
            @Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--role", required = true, description = "role name or id") String role) {
        long other = idOf(REFS.get("role"), role);
        return forEach(filters, id -> api().put(path(id) + "/inherits/" + other, null));
    }

    @Command(description = "Stop inheriting a role.", mixinStandardHelpOptions = true)
    public int disinherit(
            @Parameters(paramLabel = "key=value", arity = "1..*") List<String> filters,
            @Option(names = "--role", required = true, description = "role name or id") String role) {
        long other = idOf(REFS.get("role"), role);
        return forEach(filters, id -> api().delete(path(id) + "/inherits/" + other));
    }
}
