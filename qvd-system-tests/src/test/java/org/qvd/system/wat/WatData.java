package org.qvd.system.wat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.qvd.launcher.QvdSystem;

/**
 * Test data written straight into the database (faster than clicking, and independent of the
 * screens under test): a tenant with an OSF and a user, and many VMs at once.
 */
final class WatData {

    private final QvdSystem system;

    WatData(QvdSystem system) {
        this.system = system;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
    }

    long tenant(String name) throws SQLException {
        return insert("INSERT INTO tenant (name, description) VALUES (?, 'created by a WAT test') RETURNING id", name);
    }

    long osf(long tenantId, String name) throws SQLException {
        return insert(
                "INSERT INTO osf (tenant_id, name, memory_mb) VALUES (" + tenantId + ", ?, 256) RETURNING id", name);
    }

    /** A user whose password nobody knows (only its VMs matter here). */
    long user(long tenantId, String login) throws SQLException {
        return insert(
                "INSERT INTO app_user (tenant_id, login, password_hash) VALUES (" + tenantId
                        + ", ?, '$2a$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva') RETURNING id",
                login);
    }

    /**
     * An administrator with a bcrypt password (pgcrypto's crypt with a 'bf' salt makes the same
     * $2a$ hashes Elytron's modular-crypt mapper verifies) holding the shared fixed role.
     */
    long admin(long tenantId, String name, String password, String role) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
        }
        long id = insert(
                "INSERT INTO administrator (tenant_id, name, password_hash) VALUES (" + tenantId + ", ?, crypt('"
                        + password.replace("'", "''") + "', gen_salt('bf', 10))) RETURNING id",
                name);
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO administrator_role (administrator_id, role_id) "
                        + "SELECT ?, id FROM role WHERE tenant_id = 0 AND name = ?")) {
            ps.setLong(1, id);
            ps.setString(2, role);
            ps.executeUpdate();
        }
        return id;
    }

    /**
     * {@code count} stopped VMs named {@code prefix-00001…} for one user, with their runtimes, in a
     * single statement. IPs in 10.200.0.0 and up, numbered after the highest VM id so far, so they
     * never collide with earlier inserts (nor with the 10.3.15.x that the VMAS hands out).
     */
    void vms(long userId, long osfId, String prefix, int count) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("LOCK TABLE vm IN SHARE ROW EXCLUSIVE MODE");
            long ipBase;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM vm")) {
                rs.next();
                ipBase = rs.getLong(1);
            }
            s.execute("INSERT INTO vm (user_id, osf_id, name, ip) SELECT " + userId + ", " + osfId + ", '" + prefix
                    + "-' || lpad(g::text, 5, '0'), '10.' || (200 + ((" + ipBase + " + g) / 65536)) || '.' || "
                    + "(((" + ipBase + " + g) / 256) % 256) || '.' || ((" + ipBase + " + g) % 256) "
                    + "FROM generate_series(1, " + count + ") g");
            s.execute("INSERT INTO vm_runtime (vm_id) SELECT v.id FROM vm v LEFT JOIN vm_runtime r ON r.vm_id = v.id "
                    + "WHERE r.vm_id IS NULL");
            c.commit();
        }
    }

    /**
     * A host that looks running to the VMAS so it can place a VM there (no HKD runs in these tests:
     * the heartbeat is set ahead so the loss check leaves it alone while the test runs).
     */
    long runningHost(String name) throws SQLException {
        long id = insert("INSERT INTO host (name, address) VALUES (?, '" + name + ".test.invalid') RETURNING id", name);
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO host_runtime (host_id, state, heartbeat_at, usable_ram_mb, usable_cpu, load) "
                    + "VALUES (" + id + ", 'running', now() + interval '1 hour', 4096, 4, 0.5)");
        }
        return id;
    }

    /** A registered host whose agent is not running (never started, or stopped). */
    long stoppedHost(String name) throws SQLException {
        long id = insert("INSERT INTO host (name, address) VALUES (?, '" + name + ".test.invalid') RETURNING id", name);
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO host_runtime (host_id, state) VALUES (" + id + ", 'stopped')");
        }
        return id;
    }

    /** Takes a test host out of placement again (other tests share the system). */
    void retireHost(long id) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE host SET blocked = TRUE WHERE id = " + id);
            s.executeUpdate("UPDATE host_runtime SET state = 'stopped', heartbeat_at = now() WHERE host_id = " + id);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long insert(String sql, String value) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
