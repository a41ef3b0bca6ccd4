package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.Http;
import org.qvd.system.platform.RunningSystem;

@ExtendWith(RunningSystem.class)
class OpenApiIT {

    static final List<String> RESOURCES = List.of("tenants", "users", "administrators", "roles", "vms", "hosts", "osfs",
            "dis", "properties", "config", "audit", "counters", "auth");

    @Test
    void describesEveryResourceOperationAndError(QvdSystem system) throws Exception {
        HttpResponse<String> r = Http.client().send(HttpRequest.newBuilder(
                URI.create(Api.root(system) + "/openapi?format=JSON")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = Api.JSON.readTree(r.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.get("paths");
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        for (String resource : RESOURCES) {
            assertThat(names).as("resource " + resource).anyMatch(p -> p.startsWith("/api/v1/" + resource));
        }
        assertThat(names).contains("/api/v1/vms/{id}/start", "/api/v1/vms/{id}/stop", "/api/v1/vms/{id}/expire",
                "/api/v1/dis/upload", "/api/v1/hosts/{id}/block");
        int operations = 0;
        for (JsonNode path : paths) {
            for (JsonNode operation : path) {
                operations++;
                assertThat(operation.get("summary").asText()).isNotBlank();
                for (String status : List.of("400", "401", "403", "404", "409", "500")) {
                    assertThat(operation.get("responses").get(status).get("content").has("application/problem+json"))
                            .as(operation.get("operationId") + " documents " + status).isTrue();
                }
            }
        }
        assertThat(operations).isGreaterThan(60);
        assertThat(doc.get("components").get("schemas").get("Problem").get("properties").has("code")).isTrue();
        assertThat(doc.get("components").get("securitySchemes").has("bearer")).isTrue();
    }
}
