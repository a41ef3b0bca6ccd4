package org.qvd.system.l7r;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/**
 * A connect to a running VM through the deployed L7R and the real VMAS, up to {@code 101} and bytes through the
 * tunnel. No hypervisor here: the VM's runtime is set to {@code running} by SQL, pointing at a stand-in VMA (a
 * JDK HTTP server answering {@code x_start}/{@code x_state} as the real one does) and a stand-in NX agent (an echo
 * socket) on this machine. The real VMA with nxagent is covered by qvd-vma's VmaDesktopIT.
 */
@ExtendWith(RunningSystem.class)
class L7rSessionWithStandInVmaIT {

    private static final String COOKIE = "00112233445566778899aabbccddeeff";

    @Test
    void connectToRunningVmStartsTheSessionRecordsConnectedAndTunnels(QvdSystem system) throws Exception {
        VmasData data = new VmasData(system);
        VmasData.User user = data.user();
        long vm = data.vm(user);
        List<String> vmaCalls = new CopyOnWriteArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        HttpServer vma = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vma.createContext("/vma/", exchange -> {
            vmaCalls.add(URLDecoder.decode(exchange.getRequestURI().getRawQuery() == null ? exchange.getRequestURI()
                    .getPath() : exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getRawQuery(),
                    StandardCharsets.UTF_8));
            String state = exchange.getRequestURI().getPath().endsWith("x_start") ? "provisioning"
                    : polls.incrementAndGet() < 2 ? "starting" : "listening";
            byte[] body = ("{\"state\":\"" + state + "\",\"resumed\":false}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        vma.start();
        try (ServerSocket nx = new ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread echo = new Thread(() -> echoOnce(nx), "stand-in-nx");
            echo.setDaemon(true);
            echo.start();
            data.sql(system, "UPDATE vm_runtime SET state = 'running', state_ts = now(), address = '127.0.0.1', "
                    + "vma_port = ?, x_port = ? WHERE vm_id = ?", vma.getAddress().getPort(), nx.getLocalPort(), vm);

            try (L7rWire wire = new L7rWire(system.l7rPort())) {
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
                String start = vmaCalls.get(0);
                assertThat(start).startsWith("/vma/x_start?").contains("qvd.client.os=linux")
                        .contains("qvd.vm.user.name=" + user.login().substring(0, user.login().indexOf('@')))
                        .contains("qvd.nx.cookie=" + COOKIE).contains("qvd.slave.key=" + key)
                        .doesNotContain("qvd.client.nx.cookie");
                assertThat(vmaCalls.subList(1, vmaCalls.size())).isNotEmpty().containsOnly("/vma/x_state");
                assertThat(data.vmState(vm).get("userState").asText()).isEqualTo("connected");

                byte[] hello = "hello through the tunnel".getBytes(StandardCharsets.US_ASCII);
                wire.write(hello);
                assertThat(wire.readExactly(hello.length)).isEqualTo(hello);
            }
            awaitUserState(data, vm, "disconnected");
        } finally {
            vma.stop(0);
            data.sql(system, "UPDATE vm_runtime SET state = 'stopped', state_ts = now(), address = NULL, "
                    + "vma_port = NULL, x_port = NULL WHERE vm_id = ?", vm);
        }
    }

    private static void echoOnce(ServerSocket nx) {
        try (Socket agent = nx.accept(); InputStream in = agent.getInputStream(); OutputStream out = agent.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // the test ended the tunnel
        }
    }

    private static void awaitUserState(VmasData data, long vm, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String state = data.vmState(vm).get("userState").asText();
        while (!expected.equals(state) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            state = data.vmState(vm).get("userState").asText();
        }
        assertThat(state).isEqualTo(expected);
    }
}
