package org.qvd.fault.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.qvd.launcher.AdminApi;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.VmRuntimeRow;

/**
 * A user's desktop VM made through the admin API as an admin would (tenant, user, OSF, a staged stand-in image,
 * VM), whose guest is not booted by a host: its runtime row is pointed by SQL at what offers the VMA and the NX
 * agent on this machine ({@code running}, address 127.0.0.1).
 */
public record DesktopVm(long vmId, String login) {

    public static final String USER_PASSWORD = "Fault-User-Pw-1";

    public static DesktopVm create(QvdSystem system) throws IOException {
        AdminApi api = new AdminApi(system, FaultSystem.SUPERADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long tenant = api.post("/tenants", Map.of("name", "t" + suffix, "description", "fault test"))
                .get("id")
                .asLong();
        long user = api.post("/users", Map.of("tenantId", tenant, "login", "u" + suffix, "password", USER_PASSWORD))
                .get("id")
                .asLong();
        long osf = api.post("/osfs", Map.of("tenantId", tenant, "name", "osf" + suffix, "memoryMb", 256))
                .get("id")
                .asLong();
        Path staged = system.config().imagesStaging().resolve("standin-" + suffix + ".qcow2");
        Files.createDirectories(staged.getParent());
        Files.writeString(staged, "QFI stand-in image");
        api.post(
                "/dis/import", Map.of("osfId", osf, "file", staged.getFileName().toString(), "makeDefault", true));
        long vm = api.post("/vms", Map.of("userId", user, "osfId", osf, "name", "vm" + suffix))
                .get("id")
                .asLong();
        return new DesktopVm(vm, "u" + suffix + "@t" + suffix);
    }

    /** The VM runs at 127.0.0.1 with these ports and VMA key (null: none). */
    public void pointAt(QvdSystem system, int vmaPort, int nxPort, String vmaKey) {
        new VmRuntimeRow(system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword(), vmId)
                .running(vmaPort, nxPort, vmaKey);
    }

    /**
     * The VM as the VMAS keeps a VM that runs on {@code host}: {@code running} there, with nothing to reach (only a
     * host's commands are wanted, no connection).
     */
    public void runningOn(QvdSystem system, String host) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                PreparedStatement ps = c.prepareStatement("UPDATE vm_runtime SET state = 'running', state_ts = now(), "
                        + "host_id = (SELECT id FROM host WHERE name = ?) WHERE vm_id = ?")) {
            ps.setString(1, host);
            ps.setLong(2, vmId);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no runtime row for VM " + vmId);
            }
        }
    }

    /** A connection through the L7R to this VM, as its user. */
    public ClientTunnel connect(QvdSystem system) throws IOException {
        return ClientTunnel.open(system.l7rPort(), login, USER_PASSWORD, vmId);
    }
}
