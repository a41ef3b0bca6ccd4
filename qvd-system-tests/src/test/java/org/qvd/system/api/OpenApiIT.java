package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.TrustAll;

/**
 * The served OpenAPI document is valid (swagger-parser, the parser of the Swagger/OpenAPI tools) and is what the
 * server does: each create, get, list and delete of every resource answers a status the document lists for it,
 * with a body that has only documented fields; states and sortable fields are documented and accepted.
 */
@ExtendWith(RunningSystem.class)
class OpenApiIT {

    static final List<String> RESOURCES = List.of(
            "tenants",
            "users",
            "administrators",
            "roles",
            "vms",
            "hosts",
            "osfs",
            "dis",
            "properties",
            "config",
            "audit",
            "counters",
            "statistics",
            "auth");

    private static OpenApiDocument openApi;

    @BeforeAll
    static void fetch(QvdSystem system) throws Exception {
        openApi = OpenApiDocument.served(system);
    }

    @Test
    void isAValidOpenApiDocumentWithoutEmptyObjects(QvdSystem system) throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(openApi.text, null, options);
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).hasSizeGreaterThan(40);
        JsonNode doc = openApi.doc;
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.has("servers") && doc.get("servers").isEmpty())
                .as("servers: []")
                .isFalse();
        assertThat(doc.has("externalDocs") && !doc.get("externalDocs").has("url"))
                .as("externalDocs: {}")
                .isFalse();
        assertThat(doc.get("info").has("license")
                        && !doc.get("info").get("license").has("name"))
                .as("license: {}")
                .isFalse();
        assertThat(doc.get("components").get("securitySchemes").has("bearer")).isTrue();
        String docs = doc.get("externalDocs").get("url").asText();
        java.net.http.HttpResponse<String> linked = TrustAll.httpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.root(system) + docs))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(linked.statusCode()).as("GET " + docs).isEqualTo(200);
        assertThat(linked.body()).as("the linked documentation").contains("## REST: `/api/v1`");
    }

    @Test
    void describesEveryOperationWithTheResponsesItGives() {
        List<String> names = new ArrayList<>();
        openApi.doc.get("paths").fieldNames().forEachRemaining(names::add);
        for (String resource : RESOURCES) {
            assertThat(names).as("resource " + resource).anyMatch(p -> p.startsWith("/api/v1/" + resource));
        }
        Map<String, JsonNode> operations = openApi.operations();
        assertThat(operations).hasSizeGreaterThan(70);
        operations.forEach((name, op) -> {
            assertThat(op.path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(op.path("description").asText())
                    .as(name + " description")
                    .isNotBlank();
            op.get("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    assertThat(r.getValue()
                                    .path("content")
                                    .path("application/problem+json")
                                    .path("schema")
                                    .path("$ref")
                                    .asText())
                            .as(name + " " + r.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                }
            });
        });
        for (String resource : List.of("tenants", "users", "administrators", "roles", "vms", "hosts", "osfs")) {
            JsonNode created = openApi.operation("post", "/" + resource).get("responses");
            assertThat(created.has("200")).as(resource + " create").isFalse();
            assertThat(created.get("201").get("headers").has("Location"))
                    .as(resource + " create")
                    .isTrue();
            assertThat(created.get("201")
                            .get("content")
                            .get("application/json")
                            .get("schema")
                            .get("$ref")
                            .asText())
                    .as(resource + " create")
                    .startsWith("#/components/schemas/");
            assertThat(openApi.statuses("delete", "/" + resource + "/{id}"))
                    .as(resource + " delete")
                    .contains("204")
                    .doesNotContain("200");
            assertThat(openApi.statuses("get", "/" + resource + "/{id}"))
                    .as(resource + " get")
                    .contains("200", "401", "404")
                    .doesNotContain("409", "413");
            assertThat(openApi.statuses("get", "/" + resource))
                    .as(resource + " list")
                    .contains("200", "400")
                    .doesNotContain("404", "409");
        }
        assertThat(openApi.statuses("post", "/dis/upload"))
                .contains("201", "413")
                .doesNotContain("200");
        assertThat(openApi.statuses("post", "/dis"))
                .as("refused by design")
                .contains("400")
                .doesNotContain("200");
        assertThat(openApi.statuses("post", "/auth/token")).doesNotContain("403", "404", "409");
        assertThat(openApi.schema("Problem").get("properties").has("code")).isTrue();
    }

    @Test
    void documentsTheStatesFromTheOneVocabulary() {
        assertThat(enumOf("Vm", "state"))
                .containsExactly("stopped", "starting", "running", "stopping", "zombie", "debugging");
        assertThat(enumOf("Vm", "userState")).containsExactly("disconnected", "connecting", "connected");
        assertThat(enumOf("Vm", "xState")).contains("listening", "suspended");
        assertThat(enumOf("Host", "state")).containsExactly("stopped", "starting", "running", "stopping", "lost");
        assertThat(enumOf("Osf", "kind")).containsExactly("vm", "container");
        JsonNode stateFilter = null;
        for (JsonNode p : openApi.operation("get", "/vms").get("parameters")) {
            stateFilter = "state".equals(p.get("name").asText()) ? p : stateFilter;
        }
        assertThat(stateFilter.get("schema").get("enum")).hasSize(6);
    }

    @Test
    void everySortableFieldItDocumentsIsAcceptedAndNoOther(QvdSystem system) {
        Api api = Api.superadmin(system);
        for (String resource :
                List.of("tenants", "users", "administrators", "roles", "vms", "hosts", "osfs", "dis", "audit")) {
            List<String> fields = sortable(resource);
            assertThat(fields).as(resource + " documents its sortable fields").isNotEmpty();
            for (String field : fields) {
                openApi.conforms("get", "/" + resource, api.get("/" + resource + "?size=1&sort=-" + field));
                assertThat(api.get("/" + resource + "?size=1&sort=" + field).status())
                        .as(resource + " " + field)
                        .isEqualTo(200);
            }
            Fixtures.problem(
                    openApi.conforms("get", "/" + resource, api.get("/" + resource + "?sort=nofield")),
                    400,
                    "sort.invalid");
        }
    }

    @Test
    void everyResourceAnswersWhatItsOperationsDocument(QvdSystem system) {
        Api su = Api.superadmin(system);
        Api nobody = Api.anonymous(system);
        long tenant = crud(su, "/tenants", Map.of("name", Api.unique("t")));
        long user = crud(su, "/users", Map.of("tenantId", tenant, "login", Api.unique("u"), "password", "User-Pw-123"));
        long admin = crud(
                su, "/administrators", Map.of("tenantId", tenant, "name", Api.unique("a"), "password", "Admin-Pw-123"));
        long role = crud(su, "/roles", Map.of("tenantId", tenant, "name", Api.unique("r")));
        long osf = crud(su, "/osfs", Map.of("tenantId", tenant, "name", Api.unique("osf"), "memoryMb", 512));
        long host = crud(su, "/hosts", Map.of("name", Api.unique("h"), "address", Api.unique("10.8") + ".test"));
        long vm = crud(su, "/vms", Map.of("userId", user, "osfId", osf, "name", Api.unique("vm")));

        Api.Reply di = openApi.conforms(
                "post",
                "/dis/upload",
                su.postRaw(
                        "/dis/upload?osfId=" + osf + "&fileName=doc.qcow2&tag=default",
                        "application/octet-stream",
                        "QFI doc test".getBytes(StandardCharsets.US_ASCII)));
        assertThat(di.status()).isEqualTo(201);
        assertThat(di.header("Location")).endsWith("/api/v1/dis/" + di.id());
        readAndDelete(su, "/dis", di.id());
        openApi.conforms("post", "/dis", su.post("/dis", Map.of("osfId", osf, "path", "/etc/passwd")));

        String props = "/properties/osf/" + osf;
        openApi.conforms(
                "put", "/properties/{objectType}/{objectId}/{key}", su.put(props + "/colour", Map.of("value", "blue")));
        openApi.conforms("get", "/properties/{objectType}/{objectId}", su.get(props));
        assertThat(openApi.conforms("delete", "/properties/{objectType}/{objectId}/{key}", su.delete(props + "/colour"))
                        .status())
                .isEqualTo(204);
        openApi.conforms("get", "/config", su.get("/config"));
        openApi.conforms("get", "/config/{key}", su.get("/config/no.such.key"));
        openApi.conforms("get", "/audit", su.get("/audit?size=5"));
        openApi.conforms("get", "/statistics", su.get("/statistics"));
        openApi.conforms("get", "/counters", su.get("/counters"));
        openApi.conforms("get", "/administrators/me", su.get("/administrators/me"));
        openApi.conforms("post", "/auth/token", su.post("/auth/token", ""));
        openApi.conforms("get", "/roles/acls", su.get("/roles/acls"));
        assertThat(openApi.conforms("get", "/vms", nobody.get("/vms")).status()).isEqualTo(401);

        readAndDelete(su, "/vms", vm);
        readAndDelete(su, "/hosts", host);
        readAndDelete(su, "/roles", role);
        readAndDelete(su, "/administrators", admin);
        readAndDelete(su, "/osfs", osf);
        readAndDelete(su, "/users", user);
        readAndDelete(su, "/tenants", tenant);
    }

    /** Create (201 + Location), list, a duplicate create (409); {@link #readAndDelete} gets and deletes it. */
    private static long crud(Api api, String collection, Map<String, Object> body) {
        Api.Reply created = openApi.conforms("post", collection, api.post(collection, body));
        assertThat(created.status())
                .as("create %s: %s", collection, created.body())
                .isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1" + collection + "/" + created.id());
        openApi.conforms("get", collection, api.get(collection + "?size=5"));
        Api.Reply duplicate = openApi.conforms("post", collection, api.post(collection, body));
        assertThat(duplicate.status()).as("duplicate %s", collection).isEqualTo(409);
        return created.id();
    }

    /** Get (200), delete (204), get again (404). */
    private static void readAndDelete(Api api, String collection, long id) {
        assertThat(openApi.conforms("get", collection + "/{id}", api.get(collection + "/" + id))
                        .status())
                .isEqualTo(200);
        assertThat(openApi.conforms("delete", collection + "/{id}", api.delete(collection + "/" + id))
                        .status())
                .isEqualTo(204);
        assertThat(openApi.conforms("get", collection + "/{id}", api.get(collection + "/" + id))
                        .status())
                .isEqualTo(404);
    }

    private static List<String> enumOf(String schema, String property) {
        List<String> values = new ArrayList<>();
        openApi.schema(schema).get("properties").get(property).get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The fields a list's {@code sort} parameter documents, read from its pattern {@code ^-?(a|b|c)$}. */
    private static List<String> sortable(String resource) {
        for (JsonNode p : openApi.operation("get", "/" + resource).get("parameters")) {
            if ("sort".equals(p.get("name").asText())) {
                Matcher m = Pattern.compile("^\\^-\\?\\((.*)\\)\\$$")
                        .matcher(p.path("schema").path("pattern").asText());
                return m.matches() ? List.of(m.group(1).split("\\|")) : List.of();
            }
        }
        return List.of();
    }
}
