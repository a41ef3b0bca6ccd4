package org.qvd.cli.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The verbs every object shares. Filters are qa4-style {@code key=value}: {@code id=7} names one
 * object; names of related objects ({@code user=alice}, {@code osf=desktop}, {@code tenant=acme},
 * {@code host=node1}) are looked up and sent as ids; other keys go to the API's list filters.
 */
public abstract class ObjectCommand {

    /** A related object named by a field: {@code user=alice} → GET /users?login=alice → userId. */
    protected record Ref(String resource, String nameField, String idField) {}

    protected static final Map<String, Ref> REFS = Map.of(
            "user", new Ref("users", "login", "userId"),
            "osf", new Ref("osfs", "name", "osfId"),
            "tenant", new Ref("tenants", "name", "tenantId"),
            "host", new Ref("hosts", "name", "hostId"),
            "role", new Ref("roles", "name", "roleId"));

    protected static final List<String> TEXT_FIELDS = List.of(
            "name",
            "login",
            "password",
            "description",
            "version",
            "diTag",
            "tag",
            "path",
            "address",
            "ip",
            "value",
            "key",
            "state",
            "action",
            "result",
            "admin");

    @ParentCommand
    protected QvdAdmin root;

    @Spec
    protected CommandSpec spec;

    /** The resource path under /api/v1, e.g. {@code vms}. */
    protected abstract String resource();

    /** Table columns. */
    protected abstract List<String> columns();

    /** The action verbs of this object ({@code POST /{resource}/{id}/{verb}}), e.g. block, unblock. */
    protected List<String> actions() {
        return List.of();
    }

    protected RestClient api() {
        return root.client();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    // ---- shared verbs, called by the subclasses' @Command methods ----

    protected int doList(List<String> filters) {
        Map<String, String> query = query(KeyValues.parse(filters));
        if (query.containsKey("id")) {
            return print(Output.array(List.of(api().get(path(query.get("id")), Map.of()))));
        }
        query.putIfAbsent("size", "500");
        return print(api().get(resource(), query).get("items"));
    }

    protected int doAdd(List<String> fields) {
        JsonNode created = api().post(resource(), body(KeyValues.parse(fields)));
        return print(created);
    }

    protected int doSet(List<String> filters, List<String> changes) {
        Map<String, Object> body = body(KeyValues.parse(changes));
        if (body.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "cli.no_change", "nothing to change: give -s key=value");
        }
        return forEach(filters, id -> api().patch(path(id), body));
    }

    protected int doDelete(List<String> filters) {
        return doDelete(filters, "");
    }

    /** Deletes the selected objects with {@code query} (e.g. {@code ?purgeHome=true}) on each DELETE. */
    protected int doDelete(List<String> filters, String query) {
        List<JsonNode> gone = new ArrayList<>();
        for (String id : select(filters)) {
            JsonNode before = api().get(path(id), Map.of());
            api().delete(path(id) + query);
            gone.add(before);
        }
        return print(Output.array(gone));
    }

    /** POST /{resource}/{id}/{action} for every selected object. */
    protected int doAction(List<String> filters, String action) {
        return forEach(filters, id -> api().post(path(id) + "/" + action, null));
    }

    protected int forEach(List<String> filters, java.util.function.Function<String, JsonNode> call) {
        List<JsonNode> results = new ArrayList<>();
        for (String id : select(filters)) {
            results.add(call.apply(id));
        }
        return print(Output.array(results));
    }

    /** The ids the filters select; refuses an empty filter (a verb on everything needs intent). */
    protected List<String> select(List<String> filters) {
        Map<String, String> query = query(KeyValues.parse(filters));
        if (query.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "cli.no_filter", "give a filter, e.g. id=7 or name=desk");
        }
        if (query.containsKey("id")) {
            return List.of(query.get("id"));
        }
        query.put("size", "500");
        List<String> ids = new ArrayList<>();
        api().get(resource(), query)
                .get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        if (ids.isEmpty()) {
            throw new CliException(ExitCode.NOT_FOUND, "cli.no_match", "no " + resource() + " match " + filters);
        }
        return ids;
    }

    /** Filters for the list call: related names become ids. */
    protected Map<String, String> query(Map<String, String> filters) {
        Map<String, String> out = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            Ref ref = REFS.get(k);
            if (ref != null && !v.matches("\\d+")) {
                out.put(ref.idField(), Long.toString(lookup(ref, v)));
            } else {
                out.put(ref != null ? ref.idField() : k, v);
            }
        });
        return out;
    }

    /** A request body: related names become ids, numbers and booleans typed. */
    protected Map<String, Object> body(Map<String, String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            Ref ref = REFS.get(k);
            if (ref != null) {
                out.put(ref.idField(), idOf(ref, v));
            } else {
                out.put(k, KeyValues.typed(k, v, TEXT_FIELDS));
            }
        });
        return out;
    }

    /** The id a user gave for a related object: a number is the id itself, anything else the object's name. */
    protected long idOf(Ref ref, String nameOrId) {
        return nameOrId.matches("\\d+") ? Long.parseLong(nameOrId) : lookup(ref, nameOrId);
    }

    /** The id of the one related object with exactly this name. */
    protected long lookup(Ref ref, String name) {
        JsonNode items = api().get(ref.resource(), Map.of(ref.nameField(), name, "size", "500"))
                .get("items");
        List<Long> exact = new ArrayList<>();
        items.forEach(i -> {
            if (i.get(ref.nameField()).asText().equals(name)) {
                exact.add(i.get("id").asLong());
            }
        });
        if (exact.isEmpty()) {
            throw new CliException(
                    ExitCode.NOT_FOUND, "cli.no_match", "no " + ref.resource() + " named '" + name + "'");
        }
        if (exact.size() > 1) {
            throw new CliException(
                    ExitCode.USAGE,
                    "cli.ambiguous",
                    exact.size() + " " + ref.resource() + " are named '" + name + "' (in different tenants): give "
                            + ref.idField().replace("Id", "") + "=<id>");
        }
        return exact.get(0);
    }

    protected String path(String id) {
        if (!id.matches("\\d+")) {
            throw new CliException(ExitCode.USAGE, "cli.id", "id must be a number, got '" + id + "'");
        }
        return resource() + "/" + id;
    }

    protected int print(JsonNode rows) {
        Output.print(out(), rows, columns(), root.json());
        return ExitCode.OK;
    }
}
