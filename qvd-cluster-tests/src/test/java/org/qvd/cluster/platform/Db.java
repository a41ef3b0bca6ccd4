package org.qvd.cluster.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.qvd.launcher.QvdCluster;
import org.qvd.testsupport.VmRuntimeRow;

/** Reads and (where no API can) sets state in the cluster's one PostgreSQL, as its superuser. */
public final class Db {
    private final QvdCluster cluster;

    public Db(QvdCluster cluster) {
        this.cluster = cluster;
    }

    /** The first column of the first row, or null. */
    public String query(String select, Object... params) {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, select, params);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(select + ": " + e.getMessage(), e);
        }
    }

    public int update(String update, Object... params) {
        try (Connection c = connect();
                PreparedStatement ps = prepare(c, update, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(update + ": " + e.getMessage(), e);
        }
    }

    /** A VM's runtime row, to point it at a stand-in desktop. */
    public VmRuntimeRow row(long vmId) {
        return new VmRuntimeRow(cluster.dbUrl(), cluster.dbSuperuser(), cluster.dbSuperuserPassword(), vmId);
    }

    public String hostState(String host) {
        return query("SELECT r.state FROM host_runtime r JOIN host h ON h.id = r.host_id WHERE h.name = ?", host);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.dbUrl(), cluster.dbSuperuser(), cluster.dbSuperuserPassword());
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
