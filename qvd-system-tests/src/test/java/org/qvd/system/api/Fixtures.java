package org.qvd.system.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.qvd.launcher.QvdSystem;

/** Builders of test data through the API itself; every call makes new, uniquely named objects. */
public final class Fixtures {

    public static final String PASSWORD = "Tenant-Admin-Pw-1";

    private Fixtures() {}

    /** A new tenant, its id and name. */
    public record Tenant(long id, String name) {}

    /** A tenant with an administrator holding the fixed role {@code roleName}, and that admin's client. */
    public record TenantAdmin(Tenant tenant, String login, Api api) {}

    public static Tenant tenant(Api superadmin) {
        String name = Api.unique("t");
        Api.Reply r = superadmin.post("/tenants", Map.of("name", name, "description", "system test"));
        assertThat(r.status()).as("create tenant: %s", r.body()).isEqualTo(201);
        return new Tenant(r.id(), name);
    }

    public static TenantAdmin tenantAdmin(QvdSystem system, Api superadmin, String roleName) {
        Tenant tenant = tenant(superadmin);
        String name = Api.unique("admin");
        Api.Reply admin =
                superadmin.post("/administrators", Map.of("tenantId", tenant.id(), "name", name, "password", PASSWORD));
        assertThat(admin.status()).as("create admin: %s", admin.body()).isEqualTo(201);
        long roleId = role(superadmin, roleName);
        Api.Reply assigned = superadmin.put("/administrators/" + admin.id() + "/roles/" + roleId, "");
        assertThat(assigned.status()).as("assign role: %s", assigned.body()).isEqualTo(200);
        String login = name + "@" + tenant.name();
        return new TenantAdmin(tenant, login, Api.basic(system, login, PASSWORD));
    }

    public static long role(Api api, String name) {
        JsonNode items = api.get("/roles?size=500").body().get("items");
        for (JsonNode role : items) {
            if (role.get("name").asText().equals(name)) {
                return role.get("id").asLong();
            }
        }
        throw new AssertionError("no role " + name + " in " + items);
    }

    public static long user(Api api, Long tenantId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("login", Api.unique("u"), "password", "User-Pw-123"));
        if (tenantId != null) {
            body.put("tenantId", tenantId);
        }
        Api.Reply r = api.post("/users", body);
        assertThat(r.status()).as("create user: %s", r.body()).isEqualTo(201);
        return r.id();
    }

    public static long osf(Api api, Long tenantId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", Api.unique("osf"), "memoryMb", 512));
        if (tenantId != null) {
            body.put("tenantId", tenantId);
        }
        Api.Reply r = api.post("/osfs", body);
        assertThat(r.status()).as("create osf: %s", r.body()).isEqualTo(201);
        return r.id();
    }

    /** A DI uploaded for the OSF and made its default (a few bytes stand for the image: no guest boots here). */
    public static long di(Api api, long osfId) {
        Api.Reply r = api.postRaw(
                "/dis/upload?osfId=" + osfId + "&fileName=test.qcow2&tag=default",
                "application/octet-stream",
                "QFI test image".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(r.status()).as("create di: %s", r.body()).isEqualTo(201);
        return r.id();
    }

    public static long vm(Api api, long userId, long osfId) {
        Api.Reply r = api.post("/vms", Map.of("userId", userId, "osfId", osfId, "name", Api.unique("vm")));
        assertThat(r.status()).as("create vm: %s", r.body()).isEqualTo(201);
        return r.id();
    }

    /**
     * A registered host that the VMAS takes for running: no HKD runs in these tests, so its runtime is
     * written directly (state running, a heartbeat an hour ahead, plenty of RAM). Start requests then
     * get placed on it and wait there, as with a real host that has not reported back yet.
     */
    public static long runningHost(QvdSystem system, Api api) {
        Api.Reply r = api.post("/hosts", Map.of("name", Api.unique("host"), "address", Api.unique("10.9") + ".test"));
        assertThat(r.status()).as("create host: %s", r.body()).isEqualTo(201);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                java.sql.PreparedStatement ps = c.prepareStatement("UPDATE host_runtime SET state = 'running', "
                        + "heartbeat_at = now() + interval '1 hour', usable_ram_mb = 1000000, usable_cpu = 64, load = 0 "
                        + "WHERE host_id = ?")) {
            ps.setLong(1, r.id());
            assertThat(ps.executeUpdate()).as("host runtime row").isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return r.id();
    }

    /** Asserts an RFC 9457 problem with the given status and stable code. */
    public static JsonNode problem(Api.Reply r, int status, String code) {
        assertThat(r.status()).as("status of %s", r.raw().body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("status").asInt()).isEqualTo(status);
        assertThat(r.body().get("code").asText()).isEqualTo(code);
        assertThat(r.body().get("type").asText()).endsWith(code);
        assertThat(r.body().get("title").asText()).isNotBlank();
        assertThat(r.body().get("detail").asText()).isNotBlank();
        return r.body();
    }
}
