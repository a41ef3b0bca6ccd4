package org.qvd.fault.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.qvd.launcher.QvdSystem;

/** What a load balancer (readiness) and an admin (host and VM states, straight from the VMAS's tables) see. */
public final class Probe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final QvdSystem system;

    public Probe(QvdSystem system) {
        this.system = system;
    }

    /** {@code GET 9990/health/ready}: the HTTP status (0 when nothing answers) and the JSON body. */
    public record Readiness(int status, JsonNode body) {
        /** The status of one named check, or "absent". */
        public String check(String name) {
            if (body == null || !body.has("checks")) {
                return "absent";
            }
            for (JsonNode c : body.get("checks")) {
                if (name.equals(c.path("name").asText())) {
                    return c.path("status").asText();
                }
            }
            return "absent";
        }

        public boolean up() {
            return status == 200 && "UP".equals(body.path("status").asText());
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Readiness readiness() {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.managementPort() + "/health/ready"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Readiness(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            return new Readiness(0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The host's state as the VMAS keeps it, empty when the host is unknown or the database does not answer. */
    public Optional<String> hostState(String host) {
        return text("SELECT r.state FROM host_runtime r JOIN host h ON h.id = r.host_id WHERE h.name = ?", host);
    }

    public Optional<Instant> heartbeat(String host) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT r.heartbeat_at FROM host_runtime r JOIN host h ON h.id = r.host_id WHERE h.name = ?")) {
            ps.setString(1, host);
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(t).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Rows of {@code sql} (one long parameter or none) counted; -1 when the database does not answer. */
    public long count(String sql) {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    public Optional<String> text(String sql, String parameter) {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
    }

    /** Waits until {@code condition} holds; fails with {@code what} and the agent's log after {@code timeout}. */
    public Duration await(String what, Duration timeout, BooleanSupplier condition) {
        Instant start = Instant.now();
        try {
            Awaitility.await(what)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    what + ": not reached after " + timeout.toSeconds() + " s (server log: " + system.consoleLog()
                            + ", agent log: " + system.localHkdLog().orElse(null) + ")",
                    e);
        }
        return Duration.between(start, Instant.now());
    }

    /** Paces a check repeated through a fault (never to wait for something: that is {@link #await}). */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
