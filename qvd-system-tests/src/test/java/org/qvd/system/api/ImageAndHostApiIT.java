package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.system.api.Fixtures.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.TrustAll;

@ExtendWith(RunningSystem.class)
class ImageAndHostApiIT {

    @Test
    void managesOsfs(QvdSystem system) {
        Api api = Api.superadmin(system);
        long tenant = Fixtures.tenant(api).id();
        Api.Reply osf = api.post("/osfs", Map.of("tenantId", tenant, "name", "desktop", "memoryMb", 1024));
        assertThat(osf.status()).isEqualTo(201);
        assertThat(osf.header("Location")).endsWith("/api/v1/osfs/" + osf.id());
        assertThat(api.patch("/osfs/" + osf.id(), Map.of("memoryMb", 2048))
                        .body()
                        .get("memoryMb")
                        .asInt())
                .isEqualTo(2048);
        assertThat(api.get("/osfs?tenantId=" + tenant + "&name=desk")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        problem(api.post("/osfs", Map.of("tenantId", tenant, "name", "desktop")), 409, "osf.duplicate");
        problem(api.post("/osfs", Map.of("tenantId", tenant, "name", "x", "memoryMb", -1)), 400, "validation.failed");
        long vm = Fixtures.vm(api, Fixtures.user(api, tenant), osf.id());
        problem(api.delete("/osfs/" + osf.id()), 409, "osf.in_use");
        api.delete("/vms/" + vm);
        assertThat(api.delete("/osfs/" + osf.id()).status()).isEqualTo(204);
        problem(api.get("/osfs/" + osf.id()), 404, "osf.not_found");
    }

    @Test
    void uploadsAnImageToTheStorageAndTagsIt(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        long osf = Fixtures.osf(api, Fixtures.tenant(api).id());
        byte[] image = "not really a qcow2, but bytes all the same".getBytes(StandardCharsets.UTF_8);
        Api.Reply uploaded = api.postRaw(
                "/dis/upload?osfId=" + osf + "&fileName=img.qcow2&tag=default", "application/octet-stream", image);
        assertThat(uploaded.status()).as("%s", uploaded.body()).isEqualTo(201);
        assertThat(uploaded.header("Location")).endsWith("/api/v1/dis/" + uploaded.id());
        JsonNode di = uploaded.body();
        assertThat(di.get("tags").toString()).contains("default", "head");
        Path stored = Path.of(di.get("path").asText());
        assertThat(Files.readAllBytes(stored)).isEqualTo(image);

        long second = Fixtures.di(api, osf);
        assertThat(api.put("/dis/" + uploaded.id() + "/tags/stable", "")
                        .body()
                        .get("tags")
                        .toString())
                .contains("stable");
        assertThat(api.delete("/dis/" + uploaded.id() + "/tags/stable")
                        .body()
                        .get("tags")
                        .toString())
                .doesNotContain("stable");
        problem(api.delete("/dis/" + second + "/tags/head"), 409, "di.tag_reserved");
        assertThat(api.post("/dis/" + second + "/block", "")
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isTrue();
        assertThat(api.post("/dis/" + second + "/unblock", "")
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isFalse();
        assertThat(api.patch("/dis/" + second, Map.of("description", "d"))
                        .body()
                        .get("description")
                        .asText())
                .isEqualTo("d");
        assertThat(api.get("/dis?osfId=" + osf + "&sort=-version")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.delete("/dis/" + second).status()).isEqualTo(204);

        problem(api.postRaw("/dis/upload?osfId=987654321", "application/octet-stream", image), 404, "osf.not_found");
        problem(
                api.postRaw("/dis/upload?osfId=" + osf, "application/octet-stream", new byte[0]),
                400,
                "di.empty_upload");
    }

    @Test
    void managesHostsAndTheirBlock(QvdSystem system) {
        Api api = Api.superadmin(system);
        String name = Api.unique("node");
        Api.Reply host = api.post("/hosts", Map.of("name", name, "address", name + ".example"));
        assertThat(host.status()).isEqualTo(201);
        assertThat(host.body().get("state").asText()).isEqualTo("stopped");
        assertThat(api.post("/hosts/" + host.id() + "/block", "")
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isTrue();
        assertThat(api.post("/hosts/" + host.id() + "/unblock", "")
                        .body()
                        .get("blocked")
                        .asBoolean())
                .isFalse();
        assertThat(api.patch("/hosts/" + host.id(), Map.of("description", "rack 1"))
                        .body()
                        .get("description")
                        .asText())
                .isEqualTo("rack 1");
        assertThat(api.get("/hosts?name=" + name + "&state=stopped")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        problem(api.post("/hosts", Map.of("name", name, "address", "other.example")), 409, "host.duplicate");
        problem(api.post("/hosts", Map.of("name", "bad name", "address", "x")), 400, "validation.failed");
        Fixtures.TenantAdmin reader = Fixtures.tenantAdmin(system, api, "Reader");
        problem(reader.api().post("/hosts/" + host.id() + "/block", ""), 403, "acl.forbidden");
        assertThat(api.delete("/hosts/" + host.id()).status()).isEqualTo(204);
        problem(api.get("/hosts/" + host.id()), 404, "host.not_found");
    }

    /** No HKD runs here: a host made running by SQL takes the stop, the StopHost waits on its queue. */
    @Test
    void stopsOnlyARunningHostAndRefusesOthersWithProblems(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        String name = Api.unique("node");
        long idle = api.post("/hosts", Map.of("name", name, "address", name + ".example"))
                .id();
        JsonNode refused = problem(api.post("/hosts/" + idle + "/stop", ""), 409, "host.not_running");
        assertThat(refused.get("detail").asText()).contains(name, "stopped");
        assertThat(api.get("/hosts/" + idle).body().get("state").asText())
                .as("nothing changed")
                .isEqualTo("stopped");
        problem(api.post("/hosts/987654321/stop", ""), 404, "host.not_found");

        long running = Fixtures.runningHost(system, api);
        problem(
                Fixtures.tenantAdmin(system, api, "Reader").api().post("/hosts/" + running + "/stop", ""),
                403,
                "acl.forbidden");
        problem(
                Fixtures.tenantAdmin(system, api, "Tenant Admin").api().post("/hosts/" + running + "/stop", ""),
                403,
                "acl.superadmin_only");
        Api.Reply stopped = api.post("/hosts/" + running + "/stop", "");
        assertThat(stopped.status()).as("%s", stopped.body()).isEqualTo(200);
        assertThat(stopped.body().get("state").asText()).isEqualTo("stopping");
        problem(api.post("/hosts/" + running + "/stop", ""), 409, "host.not_running");

        JsonNode audit =
                api.get("/audit?action=host.stop&objectId=" + running).body().get("items");
        assertThat(audit)
                .extracting(e -> e.get("result").asText())
                .containsExactly("host.not_running", "ok", "acl.superadmin_only", "acl.forbidden");

        java.net.http.HttpResponse<String> doc = TrustAll.httpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(Api.root(system) + "/openapi?format=JSON"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        JsonNode stop = Api.JSON
                .readTree(doc.body())
                .get("paths")
                .get("/api/v1/hosts/{id}/stop")
                .get("post");
        assertThat(stop.get("description").asText()).contains("host.not_running");
        assertThat(stop.get("responses").get("409").get("content").has("application/problem+json"))
                .isTrue();
    }
}
