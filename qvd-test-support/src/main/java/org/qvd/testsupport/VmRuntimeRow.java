package org.qvd.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A VM's runtime row in the system's PostgreSQL, pointed by SQL (as the database superuser) at what stands in for
 * its guest on this machine: no host boots it in the system, cluster and fault tiers, so the row is the only way
 * the L7R learns where the VM's VMA and NX agent listen.
 *
 * @param jdbcUrl the system's database, e.g. {@code QvdSystem.dbUrl()}
 */
public record VmRuntimeRow(String jdbcUrl, String user, String password, long vmId) {

    /** Running at 127.0.0.1 with these ports and VMA key (null: the VMA takes calls without one). */
    public void running(int vmaPort, int nxPort, String vmaKey) {
        update(
                "UPDATE vm_runtime SET state = 'running', state_ts = now(), address = '127.0.0.1', vma_port = ?, "
                        + "x_port = ?, vma_key = ? WHERE vm_id = ?",
                vmaPort,
                nxPort,
                vmaKey,
                vmId);
    }

    /** Stopped, with nothing to reach. */
    public void stopped() {
        update(
                "UPDATE vm_runtime SET state = 'stopped', state_ts = now(), address = NULL, vma_port = NULL, "
                        + "x_port = NULL, vma_key = NULL WHERE vm_id = ?",
                vmId);
    }

    private void update(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
