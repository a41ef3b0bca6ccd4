package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.StandInDesktop;

/**
 * What the deployed L7R (the resource adapter and the VMAS's endpoint bean) tells the VMAS about the client: the
 * audit entries of a client's actions carry its address, and its failed logins land in the throttle counters every
 * node shares. Clients come from distinct loopback addresses; the PROXY protocol path to the same address is
 * checked at the connector with a real HAProxy ({@code BehindRealHaproxyWithStandInBackendTest}). The connect goes
 * to a {@link StandInDesktop} (stand-in VMA and NX agent: no hypervisor here).
 */
@ExtendWith(RunningSystem.class)
class L7rClientAddressIT {

    @Test
    void theAuditShowsTheClientsAddressForItsTokenAndItsConnection(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        String basic = L7rWire.basic(user.login(), VmasData.USER_PASSWORD);
        try (L7rWire wire = L7rWire.to(system.l7rPort()).from("127.0.0.31").open()) {
            wire.send("GET /qvd/create_auth_token HTTP/1.1\r\nAuthorization: " + basic + "\r\n\r\n");
            assertThat(wire.read().status()).isEqualTo(200);
        }
        assertThat(data.query(
                        system,
                        "SELECT string_agg(DISTINCT source_address, ',') FROM audit_log "
                                + "WHERE action = 'user.token.create' AND object_id = ?",
                        user.id()))
                .isEqualTo("127.0.0.31");

        try (StandInDesktop standIn = data.standIn(system, vm)) {
            try (L7rWire wire = L7rWire.to(system.l7rPort()).from("127.0.0.32").open()) {
                wire.send("GET /qvd/connect_to_vm?id=" + vm + " HTTP/1.1\r\nAuthorization: " + basic
                        + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n");
                List<L7rWire.Response> answers = wire.readUntilFinal();
                assertThat(answers.get(answers.size() - 1).status()).isEqualTo(101);
            }
            data.awaitUserState(vm, "disconnected");
        }
        assertThat(data.query(
                        system,
                        "SELECT string_agg(DISTINCT source_address, ',') FROM audit_log "
                                + "WHERE action IN ('vm.runtime.user_connecting', 'vm.runtime.user_connected', "
                                + "'vm.runtime.user_disconnected') AND object_id = ?",
                        vm))
                .isEqualTo("127.0.0.32");
    }

    @Test
    void theAuditShowsTheClientsAddressForItsStopVm(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        data.sql(system, "UPDATE vm_runtime SET state = 'starting', state_ts = now() WHERE vm_id = ?", vm);
        try (L7rWire wire = L7rWire.to(system.l7rPort()).from("127.0.0.34").open()) {
            wire.send("GET /qvd/stop_vm?id=" + vm + " HTTP/1.1\r\nAuthorization: "
                    + L7rWire.basic(user.login(), VmasData.USER_PASSWORD) + "\r\n\r\n");
            List<L7rWire.Response> answers = wire.readUntilFinal();
            assertThat(answers.get(answers.size() - 1).status()).isEqualTo(200);
        }
        assertThat(data.query(
                        system,
                        "SELECT string_agg(DISTINCT source_address, ',') FROM audit_log "
                                + "WHERE action = 'vm.runtime.stop' AND object_id = ?",
                        vm))
                .isEqualTo("127.0.0.34");
    }

    @Test
    void aFailedLoginCountsInTheCountersEveryNodeShares(QvdSystem system) throws Exception {
        String before = data(system).query(system, "SELECT count(*) FROM l7r_login_throttle");
        try (L7rWire wire = L7rWire.to(system.l7rPort()).from("127.0.0.33").open()) {
            wire.send("GET /qvd/list_of_vm? HTTP/1.1\r\nAuthorization: "
                    + L7rWire.basic("nobody-" + System.nanoTime() + "@default", "wrong") + "\r\n\r\n");
            assertThat(wire.read().status()).isEqualTo(401);
        }
        // one row per key: the address, the login, the login from that address
        assertThat(Long.parseLong(data(system).query(system, "SELECT count(*) FROM l7r_login_throttle")))
                .isGreaterThanOrEqualTo(Long.parseLong(before) + 2);
        assertThat(data(system)
                        .query(
                                system,
                                "SELECT count(*) FROM l7r_login_throttle WHERE throttle_key NOT SIMILAR "
                                        + "TO '[alp]:[0-9a-f]{64}'"))
                .as("no login or address in clear")
                .isEqualTo("0");
    }

    private static VmasData data(QvdSystem system) {
        return new VmasData(system);
    }
}
