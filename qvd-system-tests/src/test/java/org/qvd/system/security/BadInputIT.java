package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.system.api.Fixtures.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Fixtures;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.TrustAll;

/**
 * Client errors sent to REST and SOAP: each is refused with a problem (or a {@code soap:Client} fault),
 * changes nothing and leaves no stack trace in server.log.
 */
@ExtendWith(RunningSystem.class)
class BadInputIT {

    @Test
    void parametersThatDoNotConvertAreProblemsWithoutAStackTrace(QvdSystem system) {
        Api api = Api.superadmin(system);
        ServerLog log = new ServerLog(system);
        for (String path : new String[] {"/users/abc", "/users/99999999999999999999", "/vms/1.5", "/osfs/-1e9"}) {
            problem(api.get(path), 404, "http.not_found");
        }
        problem(api.get("/users?page=99999999999"), 400, "parameter.invalid");
        problem(api.get("/vms?size=abc"), 400, "parameter.invalid");
        problem(api.get("/users?size=0"), 400, "page.invalid");
        assertThat(log.stackFrames())
                .as("stack frames in server.log:\n%s", log.since())
                .isZero();
        assertThat(log.since()).noneMatch(l -> l.contains("SEVERE") || l.contains(" ERROR "));
    }

    @Test
    void numbersThatDoNotFitAreRefusedNotWrappedAround(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.Tenant tenant = Fixtures.tenant(api);
        String name = Api.unique("osf");
        // 2^32 + 512 used to arrive as 512, 10^12 as a negative number
        for (String memory : new String[] {"4294967808", "1000000000000", "1.5", "\"lots\""}) {
            problem(
                    api.post(
                            "/osfs",
                            "{\"name\":\"" + name + "\",\"tenantId\":" + tenant.id() + ",\"memoryMb\":" + memory + "}"),
                    400,
                    "request.malformed");
        }
        problem(
                api.post("/vms", "{\"userId\":18446744073709551616,\"osfId\":1,\"name\":\"x\"}"),
                400,
                "request.malformed");
        assertThat(api.get("/osfs?name=" + name).body().get("total").asLong()).isZero();
        // within range, and null where a field may be left out, still work
        assertThat(api.post(
                                "/osfs",
                                "{\"name\":\"" + name + "\",\"tenantId\":" + tenant.id() + ",\"memoryMb\":512,"
                                        + "\"userStorageMb\":null}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aNulInTextIsRefusedAndTheRefusalIsStillAudited(QvdSystem system) {
        Api api = Api.superadmin(system);
        String name = Api.unique("t");
        ServerLog log = new ServerLog(system);
        JsonNode p = problem(
                api.post("/tenants", "{\"name\":\"" + name + "\",\"description\":\"a\\u0000b\"}"),
                400,
                "validation.failed");
        assertThat(p.get("violations").toString()).contains("NUL");
        assertThat(api.get("/tenants?name=" + name).body().get("total").asLong())
                .isZero();
        JsonNode audit = api.get("/audit?action=tenant.create&result=validation.failed&size=5")
                .body()
                .get("items");
        assertThat(audit.toString()).contains(name);
        assertThat(log.stackFrames()).isZero();
    }

    @Test
    void oversizedBodiesGetA413ProblemOnHttp1AndHttp2AndTheAuditKeepsLittle(QvdSystem system) throws Exception {
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                ("superadmin@*:" + RunningSystem.SUPERADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        String big = "{\"name\":\"big\",\"description\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}";
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(TrustAll.context())
                    .version(version)
                    .build();
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create(Api.root(system) + "/api/v1/tenants"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(big))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s", version).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Api.JSON.readTree(r.body()).get("code").asText()).isEqualTo("request.too_large");
        }
        // below the limit but refused by validation: audited, with a bounded copy of the arguments
        Api api = Api.superadmin(system);
        String name = Api.unique("t");
        problem(
                api.post("/tenants", Map.of("name", name, "description", "b".repeat(9 * 1024 * 1024))),
                400,
                "validation.failed");
        JsonNode entry = api.get("/audit?action=tenant.create&result=validation.failed&size=20")
                .body()
                .get("items");
        JsonNode mine = null;
        for (JsonNode e : entry) {
            if (e.path("arguments").asText().contains(name)) {
                mine = e;
                break;
            }
        }
        assertThat(mine).as("audit entry of the refused 9 MB request").isNotNull();
        assertThat(mine.get("arguments").asText().length()).isLessThan(10_000);
    }

    @Test
    void soapClientErrorsAreClientFaultsWithTheRestCodes(QvdSystem system) throws Exception {
        ServerLog log = new ServerLog(system);
        String noId = soap(system, "<p:startVm/>");
        assertThat(noId)
                .contains("Client</faultcode>")
                .contains("<code>validation.failed</code>")
                .doesNotContain("vm 0");
        assertThat(soap(system, "<p:startVm><vmId>987654321</vmId></p:startVm>"))
                .contains("Client</faultcode>")
                .contains("<code>vm.not_found</code>");
        assertThat(soap(
                        system,
                        "<p:createUser><login>bad login</login><password>Long-Enough-1</password></p:createUser>"))
                .contains("Client</faultcode>")
                .contains("<code>validation.failed</code>");
        assertThat(soap(system, "<p:startVm><vmId>abc</vmId></p:startVm>")).contains("Client</faultcode>");
        assertThat(post(system, "<soap:Envelope><broken")).contains("Client</faultcode>");
        assertThat(log.stackFrames())
                .as("stack frames in server.log:\n%s", log.since())
                .isZero();
    }

    private static String soap(QvdSystem system, String body) throws Exception {
        return Soap.call(system, "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD, body);
    }

    private static String post(QvdSystem system, String xml) throws Exception {
        return Soap.post(system, "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD, xml);
    }
}
