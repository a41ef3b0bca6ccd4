package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

@ExtendWith(RunningSystem.class)
class CliIT {

    @Test
    void provisionsAUserWithAVmAndStartsItQa4Style(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        Fixtures.runningHost(system, api);
        Map<String, String> env = Cli.env(system, admin.login(), Fixtures.PASSWORD);
        Path image = Files.createTempFile("img", ".qcow2");
        Files.writeString(image, "image bytes");

        Cli.run(env, "user", "add", "login=alice", "password=Alice-Pw-1").ok();
        Cli.run(env, "osf", "add", "name=desktop", "memoryMb=512").ok();
        JsonNode di = Cli.run(
                        env, "--json", "di", "add", "--osf", "desktop", "--file", image.toString(), "--tag", "default")
                .ok()
                .json();
        assertThat(di.get("tags").toString()).contains("default");
        Cli.run(env, "vm", "add", "name=desk", "user=alice", "osf=desktop").ok();

        String table = Cli.run(env, "vm", "list", "user=alice").ok().out();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("id").contains("name", "state");
        assertThat(table).contains("desk", "stopped");
        JsonNode vms = Cli.run(env, "--json", "vm", "list", "user=alice").ok().json();
        assertThat(vms).hasSize(1);
        String id = "id=" + vms.get(0).get("id").asText();

        assertThat(Cli.run(env, "--json", "vm", "start", id)
                        .ok()
                        .json()
                        .get(0)
                        .get("state")
                        .asText())
                .isEqualTo("starting");
        assertThat(Cli.run(env, "vm", "start", id).exit())
                .as("start twice: conflict")
                .isEqualTo(6);
        Cli.run(env, "vm", "stop", id).ok();
        Cli.run(env, "vm", "block", id).ok();
        Cli.run(env, "vm", "unblock", id).ok();
        Cli.run(env, "vm", "set", id, "-s", "description=set by the CLI").ok();
        assertThat(Cli.run(
                                env,
                                "--json",
                                "vm",
                                "expire",
                                id,
                                "--soft",
                                "2030-01-01T00:00:00Z",
                                "--hard",
                                "2030-01-02T00:00:00Z")
                        .ok()
                        .json()
                        .get(0)
                        .get("expirationSoft")
                        .asText())
                .startsWith("2030-01-01");
        assertThat(Cli.run(env, "vm", "disconnect", id).exit()).isIn(0, 6);
        long other = Fixtures.vm(
                admin.api(),
                vms.get(0).get("userId").asLong(),
                vms.get(0).get("osfId").asLong());
        Cli.run(env, "vm", "del", "id=" + other).ok();
        assertThat(Cli.run(env, "vm", "list", "id=" + other).exit()).isEqualTo(5);
        // the explicit purge of the home disk (a running host is told to delete it)
        long purged = Fixtures.vm(
                admin.api(),
                vms.get(0).get("userId").asLong(),
                vms.get(0).get("osfId").asLong());
        Cli.run(env, "vm", "del", "id=" + purged, "--purge-home").ok();
        assertThat(Cli.run(env, "--json", "audit", "list", "action=vm.delete", "result=ok")
                        .ok()
                        .json()
                        .findValuesAsText("arguments"))
                .anyMatch(a -> a.contains("\"purgeHome\":true"));

        JsonNode audit = Cli.run(env, "--json", "audit", "list", "action=vm.start", "result=ok")
                .ok()
                .json();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("adminName").asText()).isEqualTo(admin.login());
    }

    @Test
    void coversTheVerbsOfAccountsRolesImagesAndSettings(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        Map<String, String> su = Cli.env(system, "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD);
        String tenant = Api.unique("t");
        Cli.run(su, "tenant", "add", "name=" + tenant).ok();
        Cli.run(su, "tenant", "set", "name=" + tenant, "-s", "description=cli").ok();
        Cli.run(su, "tenant", "block", "name=" + tenant).ok();
        Cli.run(su, "tenant", "unblock", "name=" + tenant).ok();
        assertThat(Cli.run(su, "--json", "tenant", "list", "name=" + tenant)
                        .ok()
                        .json()
                        .get(0)
                        .get("description")
                        .asText())
                .isEqualTo("cli");

        Cli.run(su, "admin", "add", "name=ops", "password=Ops-Pw-1234", "tenant=" + tenant)
                .ok();
        Cli.run(su, "admin", "assign", "tenant=" + tenant, "--role", "Tenant Admin")
                .ok();
        Cli.run(su, "admin", "passwd", "tenant=" + tenant, "--new-password", "Ops-Pw-2345")
                .ok();
        Map<String, String> ops = Cli.env(system, "ops@" + tenant, "Ops-Pw-2345");
        assertThat(Cli.run(ops, "--json", "whoami").ok().json().get("name").asText())
                .isEqualTo("ops");

        Cli.run(ops, "user", "add", "login=bob", "password=Bob-Pw-1234").ok();
        Cli.run(ops, "user", "passwd", "login=bob", "--new-password", "Bob-Pw-2345")
                .ok();
        Cli.run(ops, "user", "block", "login=bob").ok();
        Cli.run(ops, "user", "unblock", "login=bob").ok();
        Cli.run(ops, "user", "set", "login=bob", "-s", "description=b").ok();

        Cli.run(ops, "role", "add", "name=helpdesk").ok();
        assertThat(Cli.run(ops, "role", "acls").ok().out()).contains("vm.update.state");
        Cli.run(ops, "role", "grant", "name=helpdesk", "--acl", "vm.see").ok();
        Cli.run(ops, "role", "inherit", "name=helpdesk", "--role", "Operator").ok();
        Cli.run(ops, "role", "deny", "name=helpdesk", "--acl", "vm.update.block")
                .ok();
        Cli.run(ops, "role", "forget", "name=helpdesk", "--acl", "vm.update.block")
                .ok();
        Cli.run(ops, "role", "disinherit", "name=helpdesk", "--role", "Operator")
                .ok();
        Cli.run(ops, "role", "set", "name=helpdesk", "-s", "description=h").ok();
        Cli.run(ops, "role", "del", "name=helpdesk").ok();

        Cli.run(ops, "osf", "add", "name=desktop").ok();
        Cli.run(ops, "osf", "set", "name=desktop", "-s", "memoryMb=1024").ok();
        Path image = Files.createTempFile("img", ".qcow2");
        Files.writeString(image, "image bytes");
        // no server path is ever taken
        assertThat(Cli.run(ops, "di", "add", "--osf", "desktop", "--path", "/etc/shadow")
                        .exit())
                .isEqualTo(2);
        Cli.run(ops, "di", "add", "--osf", "desktop", "--file", image.toString())
                .ok();
        Files.delete(image);
        JsonNode dis = Cli.run(ops, "--json", "di", "list", "osf=desktop").ok().json();
        String di = "id=" + dis.get(0).get("id").asText();
        Cli.run(ops, "di", "tag", di, "--tag", "stable").ok();
        Cli.run(ops, "di", "untag", di, "--tag", "stable").ok();
        Cli.run(ops, "di", "block", di).ok();
        Cli.run(ops, "di", "unblock", di).ok();
        Cli.run(ops, "di", "del", di).ok();

        long user = Cli.run(ops, "--json", "user", "list", "login=bob")
                .ok()
                .json()
                .get(0)
                .get("id")
                .asLong();
        Cli.run(ops, "property", "set", "user", Long.toString(user), "qvd.client.keyboard=es")
                .ok();
        assertThat(Cli.run(ops, "property", "list", "user", Long.toString(user))
                        .ok()
                        .out())
                .contains("es");
        Cli.run(ops, "property", "del", "user", Long.toString(user), "qvd.client.keyboard")
                .ok();
        Cli.run(ops, "config", "set", "osf.default.memory=300").ok();
        assertThat(Cli.run(ops, "--json", "config", "get", "osf.default.memory")
                        .ok()
                        .json()
                        .get(0)
                        .get("value")
                        .asText())
                .isEqualTo("300");
        assertThat(Cli.run(ops, "config", "list", "key=osf.default").ok().out()).contains("osf.default.memory");
        Cli.run(ops, "config", "del", "osf.default.memory").ok();
        Cli.run(ops, "user", "del", "login=bob").ok();
        Cli.run(ops, "osf", "del", "name=desktop").ok();
        Cli.run(ops, "counters").ok();

        Cli.run(su, "host", "add", "name=" + tenant + "-node", "address=" + tenant + ".node")
                .ok();
        Cli.run(su, "host", "block", "name=" + tenant + "-node").ok();
        Cli.run(su, "host", "unblock", "name=" + tenant + "-node").ok();
        Cli.run(su, "host", "set", "name=" + tenant + "-node", "-s", "description=n")
                .ok();
        Cli.run(su, "host", "del", "name=" + tenant + "-node").ok();
        Cli.run(su, "admin", "unassign", "tenant=" + tenant, "--role", "Tenant Admin")
                .ok();
        Cli.run(su, "admin", "block", "tenant=" + tenant).ok();
        Cli.run(su, "admin", "unblock", "tenant=" + tenant).ok();
        Cli.run(su, "admin", "del", "tenant=" + tenant).ok();
        Cli.run(su, "tenant", "del", "name=" + tenant).ok();
        assertThat(api.get("/tenants?name=" + tenant).body().get("total").asLong())
                .isZero();
    }

    @Test
    void stopsHostsAndPrintsStatistics(QvdSystem system) throws Exception {
        Api api = Api.superadmin(system);
        Map<String, String> su = Cli.env(system, "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD);
        String idle = Api.unique("node");
        Cli.run(su, "host", "add", "name=" + idle, "address=" + idle + ".example")
                .ok();
        Cli.Run refused = Cli.run(su, "host", "stop", "name=" + idle);
        assertThat(refused.exit()).as("not running: conflict").isEqualTo(6);
        assertThat(refused.err()).contains("host.not_running");
        long running = Fixtures.runningHost(system, api);
        assertThat(Cli.run(su, "--json", "host", "stop", "id=" + running)
                        .ok()
                        .json()
                        .get(0)
                        .get("state")
                        .asText())
                .isEqualTo("stopping");
        assertThat(Cli.run(su, "host", "stop", "--help").ok().out()).contains("stopping");

        Fixtures.TenantAdmin admin = Fixtures.tenantAdmin(system, api, "Tenant Admin");
        Fixtures.user(admin.api(), null);
        Map<String, String> env = Cli.env(system, admin.login(), Fixtures.PASSWORD);
        String table = Cli.run(env, "stats").ok().out();
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("figure").contains("value");
        assertThat(table)
                .containsPattern("users.total +1")
                .contains("vms.state.running", "hosts.state.stopping")
                .contains("vmCount");
        JsonNode stats = Cli.run(env, "--json", "stats", "expiring=3").ok().json();
        assertThat(stats.get("tenantId").asLong()).isEqualTo(admin.tenant().id());
        assertThat(stats.at("/users/total").asLong()).isEqualTo(1);
        assertThat(Cli.run(su, "--json", "stats", "tenant=" + admin.tenant().name())
                        .ok()
                        .json()
                        .at("/users/total")
                        .asLong())
                .isEqualTo(1);
        assertThat(Cli.run(env, "stats", "expiring=1000").exit()).isEqualTo(7);
    }

    @Test
    void exitsWithDocumentedCodesOnErrors(QvdSystem system) {
        Api api = Api.superadmin(system);
        Fixtures.TenantAdmin reader = Fixtures.tenantAdmin(system, api, "Reader");
        Map<String, String> env = Cli.env(system, reader.login(), Fixtures.PASSWORD);
        Cli.Run forbidden = Cli.run(env, "user", "add", "login=x", "password=y");
        assertThat(forbidden.exit()).isEqualTo(4);
        assertThat(forbidden.err()).contains("acl.forbidden");
        assertThat(Cli.run(env, "vm", "list", "id=987654321").exit()).isEqualTo(5);
        assertThat(Cli.run(Cli.env(system, reader.login(), "wrong"), "vm", "list")
                        .exit())
                .isEqualTo(3);
        Map<String, String> su = Cli.env(system, "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD);
        assertThat(Cli.run(su, "tenant", "add", "name=bad name").exit()).isEqualTo(7);
        assertThat(Cli.run(su, "tenant", "add", "name=" + reader.tenant().name())
                        .exit())
                .isEqualTo(6);
        assertThat(Cli.run(su, "vm", "frobnicate").exit()).isEqualTo(2);
        assertThat(Cli.run(su, "vm", "start").exit()).as("no filter").isEqualTo(2);
        assertThat(Cli.run(su, "vm", "start", "nokeyvalue").exit()).isEqualTo(2);
        Map<String, String> nowhere =
                Map.of("QVD_API_URL", "https://127.0.0.1:1/api", "QVD_ADMIN_LOGIN", "a", "QVD_ADMIN_PASSWORD", "b");
        assertThat(Cli.run(nowhere, "vm", "list").exit()).isEqualTo(8);
        Map<String, String> noCa =
                Map.of("QVD_API_URL", Api.root(system) + "/api", "QVD_ADMIN_LOGIN", "a", "QVD_ADMIN_PASSWORD", "b");
        assertThat(Cli.run(noCa, "vm", "list").err())
                .as("the server's certificate is not trusted without its CA")
                .contains("[cli.tls]");
        assertThat(Cli.run(su, "-k", "vm", "list").err())
                .as("no certificate is trusted blindly")
                .contains("[cli.insecure]");
        assertThat(Cli.run(su, "vm", "--help").ok().out()).contains("start", "stop", "Filters");
        assertThat(Cli.run(su, "generate-completion").ok().out()).contains("complete", "qvd-admin");
    }

    @Test
    void runsAsAProgramWithTokensAndAConfigFile(QvdSystem system) throws Exception {
        Map<String, String> su = Cli.env(system, "superadmin@*", RunningSystem.SUPERADMIN_PASSWORD);
        String token = Cli.run(su, "--json", "token").ok().json().get("token").asText();
        Path config = Files.createTempFile("admin", ".conf");
        Files.writeString(
                config,
                "url=" + Api.root(system) + "/api\nca-file="
                        + system.config().home().resolve("tls/ca.pem") + "\ntoken=" + token + "\n");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Cli.jar().toString(),
                "--config",
                config.toString(),
                "--json",
                "whoami");
        pb.environment().keySet().removeIf(k -> k.startsWith("QVD_"));
        Process p = pb.redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Api.JSON.readTree(out).get("superadmin").asBoolean()).isTrue();

        Process bad = new ProcessBuilder(
                        pb.command().get(0),
                        "-jar",
                        Cli.jar().toString(),
                        "--config",
                        config.toString(),
                        "vm",
                        "list",
                        "id=987654321")
                .start();
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(5);
    }
}
