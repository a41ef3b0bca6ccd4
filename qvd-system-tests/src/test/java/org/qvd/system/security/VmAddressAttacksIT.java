package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qvd.system.api.Fixtures.problem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.api.Api;
import org.qvd.system.api.Fixtures;
import org.qvd.system.platform.RunningSystem;

/**
 * A hostile tenant admin against the VM network (issue 12, "VM network", VMAS side): a VM's IP lies in the range,
 * inside the VM network (10.3.0.0/16 as the hosts configure it), and is never its network, broadcast or gateway
 * (the bridge's own 10.3.0.1). Each attempt is refused with a clear error and changes nothing.
 */
@ExtendWith(RunningSystem.class)
class VmAddressAttacksIT {

    private static final String[] NOT_A_VM_ADDRESS = {
        "8.8.8.8", "10.3.0.1", "10.3.0.0", "10.3.255.255", "127.0.0.1", "10.3.15.251"
    };

    private static Fixtures.TenantAdmin attacker;
    private static long user;
    private static long osf;

    @BeforeAll
    static void tenant(QvdSystem system) {
        Api superadmin = Api.superadmin(system);
        attacker = Fixtures.tenantAdmin(system, superadmin, "Tenant Admin");
        user = Fixtures.user(attacker.api(), null);
        osf = Fixtures.osf(attacker.api(), null);
        Fixtures.di(attacker.api(), osf);
    }

    @Test
    void aVmCannotBeCreatedWithAnAddressOutsideTheVmRange() {
        String name = Api.unique("vm");
        for (String ip : NOT_A_VM_ADDRESS) {
            problem(
                    attacker.api().post("/vms", Map.of("userId", user, "osfId", osf, "name", name, "ip", ip)),
                    400,
                    "vm.ip_out_of_range");
        }
        problem(
                attacker.api().post("/vms", Map.of("userId", user, "osfId", osf, "name", name, "ip", "10.3.15.x")),
                400,
                "vm.ip_invalid");
        assertThat(attacker.api().get("/vms?name=" + name).body().get("total").asLong())
                .isZero();
    }

    @Test
    void aVmsAddressCannotBeMovedOutOfTheRange() {
        long vm = Fixtures.vm(attacker.api(), user, osf);
        String ip = attacker.api().get("/vms/" + vm).body().get("ip").asText();
        assertThat(ip).startsWith("10.3.");
        for (String bad : NOT_A_VM_ADDRESS) {
            problem(attacker.api().patch("/vms/" + vm, Map.of("ip", bad)), 400, "vm.ip_out_of_range");
        }
        assertThat(attacker.api().get("/vms/" + vm).body().get("ip").asText()).isEqualTo(ip);
    }

    @Test
    void aTenantsOwnSettingsCannotMoveItsVmsOutOfTheNetwork() {
        Api api = attacker.api();
        try {
            // a tenant admin may narrow its range, but the network (gateway, netmask) is global: its own values
            // for them change nothing, and a range outside the network is refused when a VM would take from it
            for (String[] kv : new String[][] {
                {"vm.network.gateway", "8.8.8.1"},
                {"vm.network.netmask", "255.255.255.0"},
                {"vm.network.ip.start", "8.8.8.2"},
                {"vm.network.ip.end", "8.8.8.20"}
            }) {
                assertThat(api.put("/config/" + kv[0], Map.of("value", kv[1])).status())
                        .isEqualTo(200);
            }
            String name = Api.unique("vm");
            problem(api.post("/vms", Map.of("userId", user, "osfId", osf, "name", name)), 409, "vm.ip_range_invalid");
            problem(
                    api.post("/vms", Map.of("userId", user, "osfId", osf, "name", name, "ip", "8.8.8.8")),
                    409,
                    "vm.ip_range_invalid");
            assertThat(api.get("/vms?name=" + name).body().get("total").asLong())
                    .isZero();
            // a MAC prefix that is not locally administered is no valid setting
            problem(api.put("/config/vm.network.mac.prefix", Map.of("value", "54:52:00")), 400, "config.invalid_value");
        } finally {
            for (String key :
                    new String[] {"vm.network.gateway", "vm.network.netmask", "vm.network.ip.start", "vm.network.ip.end"
                    }) {
                api.delete("/config/" + key);
            }
        }
    }

    @Test
    void aVmWhoseStoredAddressIsOutsideTheRangeNeverStarts(QvdSystem system) throws SQLException {
        // a row from before the range was enforced
        long vm = Fixtures.vm(attacker.api(), user, osf);
        Fixtures.runningHost(system, Api.superadmin(system));
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                PreparedStatement ps = c.prepareStatement("UPDATE vm SET ip = '10.3.0.1' WHERE id = ?")) {
            ps.setLong(1, vm);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        problem(attacker.api().post("/vms/" + vm + "/start", ""), 400, "vm.ip_out_of_range");
        assertThat(attacker.api().get("/vms/" + vm).body().get("state").asText())
                .isEqualTo("stopped");
    }
}
