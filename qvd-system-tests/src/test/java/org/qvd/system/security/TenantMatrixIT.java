package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Cli;
import org.qvd.system.api.Fixtures;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.TrustAll;

/**
 * Two tenants; the administrator of A tries to see and change every object of B — users, VMs, OSFs, DIs, roles,
 * administrators, properties, configuration, audit — and the shared hosts, on every surface (REST, SOAP, WAT,
 * CLI). Every probe must be refused (404 as for a missing object, or 403) or answer without B's data, and B's
 * objects must be unchanged afterwards.
 */
@ExtendWith(RunningSystem.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantMatrixIT {

    private Api superadmin;
    private Fixtures.TenantAdmin a;
    private Fixtures.TenantAdmin b;
    private long aUser;
    private long aOsf;
    private long bUser;
    private long bOsf;
    private long bDi;
    private long bVm;
    private long bRole;
    private long bAdmin;
    private long host;
    private final List<String> secrets = new ArrayList<>();
    private JsonNode before;

    @BeforeAll
    void twoTenants(QvdSystem system) {
        superadmin = Api.superadmin(system);
        a = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        b = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        aUser = Fixtures.user(a.api(), null);
        aOsf = Fixtures.osf(a.api(), null);
        bUser = Fixtures.user(b.api(), null);
        bOsf = Fixtures.osf(b.api(), null);
        bDi = Fixtures.di(b.api(), bOsf);
        bVm = Fixtures.vm(b.api(), bUser, bOsf);
        bRole = b.api().post("/roles", Map.of("name", Api.unique("brole"))).id();
        bAdmin = b.api()
                .post("/administrators", Map.of("name", Api.unique("badmin"), "password", "B-Admin-Pw-123"))
                .id();
        host = superadmin
                .post("/hosts", Map.of("name", Api.unique("host"), "address", Api.unique("10.9") + ".test"))
                .id();
        for (String p : new String[] {
            "/properties/user/" + bUser, "/properties/vm/" + bVm, "/properties/osf/" + bOsf, "/properties/di/" + bDi
        }) {
            assertThat(b.api()
                            .put(p + "/secret", Map.of("value", "b-secret-value"))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(b.api()
                        .put("/config/b.secret.key?tenantId=" + b.tenant().id(), Map.of("value", "b-config-value"))
                        .status())
                .isIn(200, 400);
        for (String path : new String[] {
            "/users/" + bUser,
            "/osfs/" + bOsf,
            "/dis/" + bDi,
            "/vms/" + bVm,
            "/roles/" + bRole,
            "/administrators/" + bAdmin
        }) {
            JsonNode o = superadmin.get(path).body();
            secrets.add(
                    o.has("name")
                            ? o.get("name").asText()
                            : o.has("login")
                                    ? o.get("login").asText()
                                    : o.get("path").asText());
        }
        secrets.add("b-secret-value");
        before = snapshot();
    }

    /** B's objects as the superadmin sees them. */
    private JsonNode snapshot() {
        var all = Api.JSON.createObjectNode();
        for (String path : new String[] {
            "/users/" + bUser,
            "/osfs/" + bOsf,
            "/dis/" + bDi,
            "/vms/" + bVm,
            "/roles/" + bRole,
            "/administrators/" + bAdmin,
            "/hosts/" + host,
            "/properties/user/" + bUser,
            "/properties/vm/" + bVm,
            "/properties/osf/" + bOsf,
            "/properties/di/" + bDi
        }) {
            all.set(path, superadmin.get(path).body());
        }
        return all;
    }

    @Test
    void restRefusesEveryObjectOfTheOtherTenant() {
        Api api = a.api();
        List<String> leaks = new ArrayList<>();
        int probes = 0;
        Map<String, Long> objects = Map.of(
                "/users/",
                bUser,
                "/osfs/",
                bOsf,
                "/dis/",
                bDi,
                "/vms/",
                bVm,
                "/roles/",
                bRole,
                "/administrators/",
                bAdmin);
        for (Map.Entry<String, Long> o : objects.entrySet()) {
            String path = o.getKey() + o.getValue();
            probes += refused(leaks, "GET " + path, api.get(path));
            probes += refused(leaks, "PATCH " + path, api.patch(path, Map.of("description", "a was here")));
            probes += refused(leaks, "DELETE " + path, api.delete(path));
        }
        for (String path :
                new String[] {"/users/" + bUser, "/vms/" + bVm, "/dis/" + bDi, "/administrators/" + bAdmin}) {
            probes += refused(leaks, "POST " + path + "/block", api.post(path + "/block", ""));
            probes += refused(leaks, "POST " + path + "/unblock", api.post(path + "/unblock", ""));
        }
        for (String action : new String[] {"start", "stop", "disconnect"}) {
            probes += refused(leaks, "POST vm " + action, api.post("/vms/" + bVm + "/" + action, ""));
        }
        probes += refused(
                leaks, "POST vm expire", api.post("/vms/" + bVm + "/expire", Map.of("soft", "2030-01-01T00:00:00Z")));
        probes += refused(leaks, "GET vm history", api.get("/vms/" + bVm + "/history"));
        probes += refused(
                leaks,
                "PUT user password",
                api.put("/users/" + bUser + "/password", Map.of("password", "Taken-Over-123")));
        probes += refused(
                leaks,
                "PUT admin password",
                api.put("/administrators/" + bAdmin + "/password", Map.of("password", "Taken-Over-123")));
        probes += refused(
                leaks,
                "PUT admin role",
                api.put("/administrators/" + bAdmin + "/roles/" + Fixtures.role(api, "Reader"), ""));
        probes += refused(leaks, "PUT di tag", api.put("/dis/" + bDi + "/tags/mine", ""));
        probes += refused(leaks, "DELETE di tag", api.delete("/dis/" + bDi + "/tags/default"));
        probes += refused(leaks, "PUT role acl", api.put("/roles/" + bRole + "/acls/vm.see", ""));
        probes += refused(leaks, "PUT role denied acl", api.put("/roles/" + bRole + "/denied-acls/vm.see", ""));
        probes += refused(
                leaks,
                "PUT role inherits",
                api.put("/roles/" + bRole + "/inherits/" + Fixtures.role(api, "Reader"), ""));
        long aRole = api.post("/roles", Map.of("name", Api.unique("arole"))).id();
        probes += refused(leaks, "inherit B's role", api.put("/roles/" + aRole + "/inherits/" + bRole, ""));
        String self = a.login().substring(0, a.login().indexOf('@'));
        long aSelf = api.get("/administrators?name=" + self)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        probes += refused(leaks, "assign B's role", api.put("/administrators/" + aSelf + "/roles/" + bRole, ""));
        for (String type : new String[] {"user/" + bUser, "vm/" + bVm, "osf/" + bOsf, "di/" + bDi}) {
            probes += refused(leaks, "GET properties " + type, api.get("/properties/" + type));
            probes += refused(
                    leaks, "PUT property " + type, api.put("/properties/" + type + "/secret", Map.of("value", "a")));
            probes += refused(leaks, "DELETE property " + type, api.delete("/properties/" + type + "/secret"));
        }
        // creating in A what points into B, or creating in B
        probes += refused(
                leaks, "VM for B's user", api.post("/vms", Map.of("userId", bUser, "osfId", aOsf, "name", "x")));
        probes +=
                refused(leaks, "VM on B's OSF", api.post("/vms", Map.of("userId", aUser, "osfId", bOsf, "name", "x")));
        probes += refused(
                leaks, "DI on B's OSF", api.post("/dis", Map.of("osfId", bOsf, "path", "/var/lib/qvd/x.qcow2")));
        probes += refused(
                leaks,
                "user in B",
                api.post("/users", Map.of("tenantId", b.tenant().id(), "login", "spy", "password", "Spy-Password-1")));
        probes += refused(
                leaks,
                "OSF in B",
                api.post("/osfs", Map.of("tenantId", b.tenant().id(), "name", "spy")));
        probes += refused(
                leaks,
                "admin in B",
                api.post(
                        "/administrators",
                        Map.of("tenantId", b.tenant().id(), "name", "spy", "password", "Spy-Password-1")));
        probes += refused(
                leaks,
                "role in B",
                api.post("/roles", Map.of("tenantId", b.tenant().id(), "name", "spy")));
        probes += refused(
                leaks,
                "config of B",
                api.put("/config/password.min_length?tenantId=" + b.tenant().id(), Map.of("value", "1")));
        probes +=
                refused(leaks, "GET tenant B", api.get("/tenants/" + b.tenant().id()));
        probes += refused(
                leaks, "block tenant B", api.post("/tenants/" + b.tenant().id() + "/block", ""));
        probes += refused(
                leaks, "unblock tenant B", api.post("/tenants/" + b.tenant().id() + "/unblock", ""));
        probes += refused(
                leaks, "PATCH tenant B", api.patch("/tenants/" + b.tenant().id(), Map.of("description", "a")));
        probes += refused(
                leaks, "DELETE tenant B", api.delete("/tenants/" + b.tenant().id()));
        // hosts are shared: a tenant administrator may not change them
        probes += refused(leaks, "PATCH host", api.patch("/hosts/" + host, Map.of("description", "a")));
        probes += refused(leaks, "block host", api.post("/hosts/" + host + "/block", ""));
        probes += refused(leaks, "stop host", api.post("/hosts/" + host + "/stop", ""));
        probes += refused(leaks, "DELETE host", api.delete("/hosts/" + host));
        probes += refused(leaks, "PUT host property", api.put("/properties/host/" + host + "/k", Map.of("value", "a")));
        // lists, filtered or not, never show B
        for (String list : new String[] {
            "/users",
            "/vms",
            "/osfs",
            "/dis",
            "/roles?size=500",
            "/administrators",
            "/audit?size=500",
            "/config",
            "/statistics",
            "/counters",
            "/tenants"
        }) {
            for (String query : new String[] {
                "", (list.contains("?") ? "&" : "?") + "tenantId=" + b.tenant().id()
            }) {
                probes++;
                Api.Reply r = api.get(list + query);
                String body = r.raw().body();
                if (r.status() >= 500 || secrets.stream().anyMatch(body::contains)) {
                    leaks.add("GET " + list + query + " -> " + r.status() + " " + body);
                }
            }
        }
        System.out.printf("tenant matrix: %d REST probes, %d leaks%n", probes, leaks.size());
        assertThat(leaks).isEmpty();
        assertThat(probes).isGreaterThanOrEqualTo(92);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void soapRefusesEveryObjectOfTheOtherTenant(QvdSystem system) throws Exception {
        List<String> answers = new ArrayList<>();
        for (String call : new String[] {
            "<p:deleteUser><userId>" + bUser + "</userId></p:deleteUser>",
            "<p:deleteVm><vmId>" + bVm + "</vmId></p:deleteVm>",
            "<p:startVm><vmId>" + bVm + "</vmId></p:startVm>",
            "<p:stopVm><vmId>" + bVm + "</vmId></p:stopVm>",
            "<p:createVm><userId>" + bUser + "</userId><osfId>" + aOsf + "</osfId><name>x</name></p:createVm>",
            "<p:createVm><userId>" + aUser + "</userId><osfId>" + bOsf + "</osfId><name>x</name></p:createVm>",
            "<p:createUser><tenantId>" + b.tenant().id() + "</tenantId><login>spy</login>"
                    + "<password>Spy-Password-1</password></p:createUser>"
        }) {
            String answer = Soap.call(system, a.login(), Fixtures.PASSWORD, call);
            assertThat(answer).as(call).contains("Client</faultcode>").contains("not_found</code>");
            answers.add(answer);
        }
        answers.add(Soap.call(
                system,
                a.login(),
                Fixtures.PASSWORD,
                "<p:listUsers><tenantId>" + b.tenant().id() + "</tenantId></p:listUsers>"));
        answers.add(Soap.call(
                system, a.login(), Fixtures.PASSWORD, "<p:listVms><userId>" + bUser + "</userId></p:listVms>"));
        assertThat(answers).allSatisfy(x -> assertThat(secrets).noneMatch(x::contains));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theCliRefusesEveryObjectOfTheOtherTenant(QvdSystem system) {
        Map<String, String> env = Cli.env(system, a.login(), Fixtures.PASSWORD);
        String[][] commands = {
            {"user", "list", "id=" + bUser},
            {"user", "del", "id=" + bUser},
            {"user", "block", "id=" + bUser},
            {"vm", "list", "id=" + bVm},
            {"vm", "start", "id=" + bVm},
            {"vm", "del", "id=" + bVm},
            {"osf", "del", "id=" + bOsf},
            {"di", "del", "id=" + bDi},
            {"role", "del", "id=" + bRole},
            {"admin", "del", "id=" + bAdmin},
            {"user", "list", "tenant=" + b.tenant().name()}
        };
        for (String[] command : commands) {
            Cli.Run run = Cli.run(env, command);
            assertThat(run.exit())
                    .as("%s: %s %s", String.join(" ", command), run.out(), run.err())
                    .isNotZero();
            assertThat(secrets)
                    .noneMatch(s -> run.out().contains(s) || run.err().contains(s));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theWatShowsNothingOfTheOtherTenant(QvdSystem system) throws Exception {
        HttpClient wat = HttpClient.newBuilder()
                .sslContext(TrustAll.context())
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String root = Api.root(system) + "/wat/";
        wat.send(HttpRequest.newBuilder(URI.create(root)).build(), HttpResponse.BodyHandlers.ofString());
        String form = "j_username=" + URLEncoder.encode(a.login(), StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = wat.send(
                HttpRequest.newBuilder(URI.create(root + "j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).doesNotContain("login-error");
        for (String page : new String[] {
            "users.xhtml",
            "vms.xhtml",
            "osfs.xhtml",
            "dis.xhtml",
            "roles.xhtml",
            "admins.xhtml",
            "audit.xhtml",
            "config.xhtml",
            "properties.xhtml",
            "index.xhtml",
            "vm.xhtml?id=" + bVm
        }) {
            HttpResponse<String> r = wat.send(
                    HttpRequest.newBuilder(URI.create(root + page)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).as(page).doesNotContain("j_security_check");
            assertThat(secrets).as(page).noneMatch(r.body()::contains);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    /** One probe: refused as missing (404) or forbidden (403/400), never 2xx or 5xx, never with B's data. */
    private int refused(List<String> leaks, String probe, Api.Reply r) {
        String body = r.raw().body();
        if (r.status() < 400 || r.status() >= 500 || secrets.stream().anyMatch(body::contains)) {
            leaks.add(probe + " -> " + r.status() + " " + body);
        }
        return 1;
    }
}
