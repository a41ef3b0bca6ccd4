package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.StandInDesktop;
import org.qvd.testsupport.TrustAll;
import org.qvd.testsupport.VmRuntimeRow;

/** Test data made through the VMAS's REST API ({@code /api/v1}) as the superadmin: every call makes new names. */
public final class VmasData {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final String USER_PASSWORD = "L7r-User-Pw-1";
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .sslContext(TrustAll.context())
            .connectTimeout(Duration.ofSeconds(60))
            .build();

    /** Larger than any host offers (the API's maximum): no placement can succeed, whatever hosts other tests made. */
    static final int NO_HOST_FITS_MB = 1048576;

    /** A user of a fresh tenant with an OSF that has a registered image (no host runs it). */
    public record User(long id, String login, long osfId) {}

    private final String base;
    private final String authorization;

    public VmasData(QvdSystem system) {
        base = "https://localhost:" + system.httpsPort() + "/api/v1";
        authorization = L7rWire.basic("superadmin@*", RunningSystem.SUPERADMIN_PASSWORD);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public User user() {
        return user(512);
    }

    User user(int memoryMb) {
        String tenant = unique("t");
        long tenantId = post("/tenants", Map.of("name", tenant, "description", "L7R system test"))
                .get("id")
                .asLong();
        String login = unique("u");
        long userId = post("/users", Map.of("tenantId", tenantId, "login", login, "password", USER_PASSWORD))
                .get("id")
                .asLong();
        long osfId = post("/osfs", Map.of("tenantId", tenantId, "name", unique("osf"), "memoryMb", memoryMb))
                .get("id")
                .asLong();
        // a few bytes stand for the image: the hosts of these tests are stand-ins
        send(
                HttpRequest.newBuilder(
                                URI.create(base + "/dis/upload?osfId=" + osfId + "&fileName=l7r.qcow2&tag=default"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("QFI test image")),
                201);
        return new User(userId, login + "@" + tenant, osfId);
    }

    public long vm(User user) {
        return post("/vms", Map.of("userId", user.id(), "osfId", user.osfId(), "name", unique("vm")))
                .get("id")
                .asLong();
    }

    void block(long vmId) {
        post("/vms/" + vmId + "/block", "");
    }

    public JsonNode vmState(long vmId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/vms/" + vmId)).GET(), 200);
    }

    /**
     * Puts a VM's runtime into a state no API call produces without a host (a start in flight, a user connection
     * whose node is gone), by SQL through {@link QvdSystem#dbUrl()}.
     */
    void sql(QvdSystem system, String update, Object... params) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                java.sql.PreparedStatement ps = c.prepareStatement(update)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            assertThat(ps.executeUpdate()).as(update).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (a minute at most) until the VM's user state, as the admin API shows it, is {@code expected}. */
    void awaitUserState(long vm, String expected) {
        await("VM " + vm + " user state " + expected)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> assertThat(vmState(vm).get("userState").asText()).isEqualTo(expected));
    }

    /** The VM's runtime row, to point it at a stand-in or real VMA on this machine. */
    VmRuntimeRow row(QvdSystem system, long vmId) {
        return new VmRuntimeRow(system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword(), vmId);
    }

    /**
     * A {@link StandInDesktop} for the VM, as a running VM offers it: the first {@code x_start} provisions, later ones
     * resume; the NX agent echoes. The VM's runtime row points at it until it is closed.
     */
    StandInDesktop standIn(QvdSystem system, long vmId) throws java.io.IOException {
        return StandInDesktop.start(StandInDesktop.Vma.PROVISION_THEN_RESUME, StandInDesktop.Nx.ECHO)
                .runningAs(row(system, vmId));
    }

    /** The first column of the first row, or null. */
    String query(QvdSystem system, String select, Object... params) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                java.sql.PreparedStatement ps = c.prepareStatement(select)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(String path, Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(text)),
                    -1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> r = CLIENT.send(
                    request.header("Authorization", authorization)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (expected > 0) {
                assertThat(r.statusCode()).as("%s", r.body()).isEqualTo(expected);
            } else {
                assertThat(r.statusCode()).as("%s", r.body()).isIn(200, 201);
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
