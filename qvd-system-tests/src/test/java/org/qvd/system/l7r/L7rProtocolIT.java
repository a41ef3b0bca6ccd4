package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;

/**
 * The deployed L7R connector with the real VMAS behind it ({@code VmasSessionBackend}), spoken to over raw TLS as
 * the QVD clients do. Users and VMs are made through the VMAS's REST API; no hypervisor host runs here, so a
 * connect to a stopped VM must end in a clear {@code 503}.
 */
@ExtendWith(RunningSystem.class)
class L7rProtocolIT {

    private static String get(String target, String... headers) {
        StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static String connect(String query, String login) {
        return get(
                "/qvd/connect_to_vm?" + query,
                "Authorization: " + L7rWire.basic(login, VmasData.USER_PASSWORD),
                "Connection: Upgrade",
                "Upgrade: QVD/1.0");
    }

    @Test
    void pingSaysAliveWhileTheVmasAnswers(QvdSystem system) throws Exception {
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(get("/qvd/ping"));
            L7rWire.Response r = wire.read();
            assertThat(r.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(r.body()).isEqualTo("I am alive!");
        }
    }

    @Test
    void listOfVmShowsTheUsersVmsAsJson(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long first = data.vm(user);
        long second = data.vm(user);
        data.vm(data.user()); // someone else's: not listed

        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(get("/qvd/list_of_vm?", "Authorization: " + L7rWire.basic(user.login(), VmasData.USER_PASSWORD)));
            L7rWire.Response r = wire.read();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            JsonNode vms = VmasData.JSON.readTree(r.body());
            assertThat(vms).hasSize(2);
            assertThat(List.of(
                            vms.get(0).get("id").asLong(), vms.get(1).get("id").asLong()))
                    .containsExactlyInAnyOrder(first, second);
            assertThat(vms.get(0).get("state").asText()).isEqualTo("stopped");
            assertThat(vms.get(0).get("blocked").asInt()).isZero();
        }
    }

    @Test
    void wrongPasswordIs401WithTheQvdRealm(QvdSystem system) throws Exception {
        VmasData.User user = new VmasData(system).user();
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(get("/qvd/list_of_vm", "Authorization: " + L7rWire.basic(user.login(), "not-the-password")));
            L7rWire.Response r = wire.read();
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"QVD\"");
        }
    }

    @Test
    void unknownOrSomeoneElsesVmIs404(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long othersVm = data.vm(data.user());
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(connect("id=987654321", user.login()));
            assertThat(wire.readUntilFinal())
                    .last()
                    .extracting(L7rWire.Response::status)
                    .isEqualTo(404);
            wire.send(connect("id=" + othersVm, user.login()));
            assertThat(wire.readUntilFinal())
                    .last()
                    .extracting(L7rWire.Response::status)
                    .isEqualTo(404);
        }
    }

    @Test
    void blockedVmIs403(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        data.block(vm);
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(connect("id=" + vm, user.login()));
            L7rWire.Response r = wire.readUntilFinal().get(0);
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.body()).containsIgnoringCase("maintenance");
        }
    }

    @Test
    void connectWithoutIdIs422(QvdSystem system) throws Exception {
        VmasData.User user = new VmasData(system).user();
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(connect("qvd.client.os=linux", user.login()));
            L7rWire.Response r = wire.read();
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body()).contains("Missing parameter id");
        }
    }

    @Test
    void connectWithoutUpgradeIs426(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(get(
                    "/qvd/connect_to_vm?id=" + vm,
                    "Authorization: " + L7rWire.basic(user.login(), VmasData.USER_PASSWORD)));
            L7rWire.Response r = wire.read();
            assertThat(r.status()).isEqualTo(426);
            assertThat(r.header("Upgrade")).isEqualTo("QVD/1.0");
        }
    }

    @Test
    void http10Is505(QvdSystem system) throws Exception {
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send("GET /qvd/ping HTTP/1.0\r\n\r\n");
            assertThat(wire.read().status()).isEqualTo(505);
        }
    }

    @Test
    void parameterWithoutClientPrefixIs403(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(connect("id=" + vm + "&qvd.vm.user.name=root", user.login()));
            L7rWire.Response r = wire.read();
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).contains("Invalid parameters");
        }
    }

    @Test
    void stoppedVmWithoutAnyHostGetsProgressThen503WithTheReason(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user(VmasData.NO_HOST_FITS_MB);
        long vm = data.vm(user);
        try (L7rWire wire = L7rWire.open(system.l7rPort())) {
            wire.send(connect(
                    "id=" + vm + "&qvd.client.os=linux&qvd.client.geometry=1024x768"
                            + "&qvd.client.nx.cookie=0123456789abcdef0123456789abcdef",
                    user.login()));
            List<L7rWire.Response> answers = wire.readUntilFinal();
            L7rWire.Response last = answers.get(answers.size() - 1);

            assertThat(answers.subList(0, answers.size() - 1))
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.statusLine()).isEqualTo("HTTP/1.1 102 Processing"))
                    .anySatisfy(p -> assertThat(p.header("X-QVD-VM-Info")).isEqualTo("Starting virtual machine"));
            assertThat(last.status()).as(last.body()).isEqualTo(503);
            assertThat(last.body())
                    .startsWith("The requested virtual machine is not available: ")
                    .contains("no running, unblocked host")
                    .endsWith("retry later.");

            // the connection stays usable, and the failed attempt left the VM stopped and its user disconnected
            wire.send(get("/qvd/list_of_vm", "Authorization: " + L7rWire.basic(user.login(), VmasData.USER_PASSWORD)));
            assertThat(wire.read().status()).isEqualTo(200);
        }
        JsonNode state = data.vmState(vm);
        assertThat(state.get("state").asText()).isEqualTo("stopped");
        assertThat(state.get("userState").asText()).isEqualTo("disconnected");
    }
}
