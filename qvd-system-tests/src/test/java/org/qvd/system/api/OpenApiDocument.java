package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.TrustAll;

/**
 * The OpenAPI document the server serves, and what it says of one operation: which statuses it documents and
 * whether an answer fits (a documented status; for a documented schema, only documented fields).
 */
final class OpenApiDocument {

    final String text;
    final JsonNode doc;

    private OpenApiDocument(String text, JsonNode doc) {
        this.text = text;
        this.doc = doc;
    }

    static OpenApiDocument served(QvdSystem system) throws Exception {
        HttpResponse<String> r = TrustAll.httpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Api.root(system) + "/openapi?format=JSON"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new OpenApiDocument(r.body(), Api.JSON.readTree(r.body()));
    }

    /** Every operation as {@code "post /api/v1/tenants"} → its object. */
    Map<String, JsonNode> operations() {
        Map<String, JsonNode> all = new java.util.LinkedHashMap<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                        all.put(op.getKey() + " " + path.getKey(), op.getValue());
                    }
                }));
        return all;
    }

    JsonNode operation(String method, String template) {
        JsonNode op = doc.path("paths").path("/api/v1" + template).path(method.toLowerCase(Locale.ROOT));
        assertThat(op.isObject()).as("documented: %s %s", method, template).isTrue();
        return op;
    }

    List<String> statuses(String method, String template) {
        List<String> statuses = new ArrayList<>();
        operation(method, template).get("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    JsonNode schema(String name) {
        return doc.path("components").path("schemas").path(name);
    }

    /**
     * Asserts that the answer to {@code method template} is one the document lists: its status, for an error a
     * problem+json body, and for a documented body schema no field the schema does not name.
     */
    Api.Reply conforms(String method, String template, Api.Reply reply) {
        String status = Integer.toString(reply.status());
        assertThat(statuses(method, template))
                .as(
                        "%s %s answered %s: %s",
                        method, template, status, reply.raw().body())
                .contains(status);
        JsonNode response = operation(method, template).get("responses").get(status);
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(response.path("content").has("application/problem+json")).isTrue();
        } else if (reply.body() != null) {
            JsonNode schema = response.path("content").path("application/json").path("schema");
            assertThat(schema.isMissingNode())
                    .as("%s %s documents its body", method, template)
                    .isFalse();
            fits(reply.body(), schema, method + " " + template);
        }
        return reply;
    }

    /** Every field of the value is a property of the schema (recursively through $ref, arrays and objects). */
    void fits(JsonNode value, JsonNode schema, String where) {
        JsonNode s = resolve(schema);
        if (value.isArray() && s.has("items")) {
            value.forEach(item -> fits(item, s.get("items"), where + "[]"));
        } else if (value.isObject() && s.has("properties")) {
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertThat(s.get("properties").has(name))
                        .as("%s.%s is documented", where, name)
                        .isTrue();
                fits(value.get(name), s.get("properties").get(name), where + "." + name);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            s = schema(s.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        return s;
    }
}
