package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.L7rWire;
import org.qvd.testsupport.StandInDesktop;

/**
 * A connect to a running VM through the deployed L7R and the real VMAS, up to {@code 101} and bytes through the
 * tunnel. No hypervisor here: the VM is a {@link StandInDesktop} (stand-in VMA and NX agent on this machine). The real
 * VMA with nxagent is covered by qvd-vma's VmaDesktopIT.
 */
@ExtendWith(RunningSystem.class)
class L7rSessionWithStandInVmaIT {

    private static final String COOKIE = "00112233445566778899aabbccddeeff";

    @Test
    void connectToRunningVmStartsTheSessionRecordsConnectedAndTunnels(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        try (StandInDesktop standIn = data.standIn(system, vm)) {
            try (L7rWire wire = L7rWire.open(system.l7rPort())) {
                wire.send("GET /qvd/connect_to_vm?qvd.client.os=linux&id=" + vm + "&qvd.client.nx.cookie=" + COOKIE
                        + " HTTP/1.1\r\nAuthorization: " + L7rWire.basic(user.login(), VmasData.USER_PASSWORD)
                        + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n");
                List<L7rWire.Response> answers = wire.readUntilFinal();
                L7rWire.Response upgraded = answers.get(answers.size() - 1);

                assertThat(upgraded.statusLine()).as(upgraded.body()).isEqualTo("HTTP/1.1 101 Switching Protocols");
                assertThat(upgraded.header("Upgrade")).isEqualTo("QVD/1.0");
                String key = upgraded.header("X-QVD-Slave-Key");
                assertThat(key).matches("[A-Za-z0-9]{64}");
                assertThat(answers).extracting(r -> r.header("X-QVD-VM-Info")).contains("Starting desktop session");
                assertThat(standIn.vmaCalls().get(0))
                        .startsWith("/vma/x_start?")
                        .contains("qvd.client.os=linux")
                        .contains("qvd.vm.user.name="
                                + user.login().substring(0, user.login().indexOf('@')))
                        .contains("qvd.nx.cookie=" + COOKIE)
                        .contains("qvd.slave.key=" + key)
                        .doesNotContain("qvd.client.nx.cookie");
                assertThat(standIn.vmaCalls().subList(1, standIn.vmaCalls().size()))
                        .isNotEmpty()
                        .containsOnly("/vma/x_state");
                assertThat(data.vmState(vm).get("userState").asText()).isEqualTo("connected");

                byte[] hello = "hello through the tunnel".getBytes(StandardCharsets.US_ASCII);
                wire.write(hello);
                assertThat(wire.readExactly(hello.length)).isEqualTo(hello);
            }
            data.awaitUserState(vm, "disconnected");
        }
    }

    /**
     * The Perl CLI's exact bytes (list then connect on one TLS connection, parameters in its order, no Host), then
     * the Qt client's (bare LF) taking the VM over: the first tunnel is closed, the second carries the NX bytes.
     */
    @Test
    void legacyClientsConnectAndTheSecondTakesTheTunnelOver(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((user.login() + ":" + VmasData.USER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        byte[] nxHello = "NXPROXY-3.5.0-2\n".getBytes(StandardCharsets.US_ASCII);
        try (StandInDesktop standIn = data.standIn(system, vm);
                L7rWire perl = L7rWire.open(system.l7rPort());
                L7rWire qt = L7rWire.open(system.l7rPort())) {
            perl.send("GET /qvd/list_of_vm? HTTP/1.1\r\nAuthorization: " + basic + "\r\nAccept: application/json\r\n"
                    + "User-Agent: QVD::HTTPC/0.01 (linux)\r\n\r\n");
            L7rWire.Response list = perl.read();
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":" + vm);
            perl.send("GET /qvd/connect_to_vm?qvd.client.fullscreen=&qvd.client.audio.redirect.server=&qvd.client."
                    + "audio.redirect.port=&qvd.client.audio.redirect.enable=0&qvd.client.keyboard=pc105%2Fes&qvd."
                    + "client.geometry=1024x768&qvd.client.usb.enabled=0&qvd.client.audio.compression.enable=1&qvd."
                    + "client.os=linux&id=" + vm + "&qvd.client.nxagent.extra_args=&qvd.client.usb.implementation="
                    + "USBIP&qvd.client.printing.enabled=1&qvd.client.link=adsl HTTP/1.1\r\nAuthorization: " + basic
                    + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\nUser-Agent: QVD::HTTPC/0.01 (linux)\r\n\r\n");
            List<L7rWire.Response> perlAnswers = perl.readUntilFinal();
            assertThat(perlAnswers.get(perlAnswers.size() - 1).status()).isEqualTo(101);
            perl.write(nxHello);
            assertThat(perl.readExactly(nxHello.length)).isEqualTo(nxHello);

            qt.send("GET /qvd/connect_to_vm?id=" + vm + "&qvd.client.type=qt&qvd.client.keyboard=pc105%2Fus&qvd."
                    + "client.os=linux&qvd.client.nxagent.extra_args=&qvd.client.geometry=1280x800&qvd.client."
                    + "fullscreen=0&qvd.client.printing.enabled=0&qvd.client.usb.enabled=0&qvd.client.usb."
                    + "implementation=usbip&qvd.client.link=adsl HTTP/1.1\nAuthorization: " + basic
                    + "\nUser-Agent: QVDClient Qt/0.01 (Linux)\nConnection: Upgrade\nUpgrade: QVD/1.0\n\n");
            List<L7rWire.Response> qtAnswers = qt.readUntilFinal();
            assertThat(qtAnswers)
                    .extracting(r -> r.header("X-QVD-VM-Info"))
                    .contains("Taking over the session from another client");
            assertThat(qtAnswers.get(qtAnswers.size() - 1).status()).isEqualTo(101);
            assertThatThrownBy(() -> perl.readExactly(1))
                    .as("the first tunnel is closed")
                    .isInstanceOf(IOException.class);
            qt.write(nxHello);
            assertThat(qt.readExactly(nxHello.length)).isEqualTo(nxHello);
            assertThat(data.vmState(vm).get("userState").asText()).isEqualTo("connected");
            assertThat(standIn.vmaCalls().stream().filter(c -> c.startsWith("/vma/x_start")))
                    .hasSize(2);
        }
        data.awaitUserState(vm, "disconnected");
    }
}
