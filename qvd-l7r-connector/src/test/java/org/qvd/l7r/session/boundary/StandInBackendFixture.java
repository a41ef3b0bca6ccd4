package org.qvd.l7r.session.boundary;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.qvd.l7r.platform.ConnectorConfig;
import org.qvd.testsupport.L7rWire;

/**
 * Runs a real L7R listener (real TLS, ephemeral port) per test over a fresh in-memory stand-in backend with user
 * {@code alice} (password {@code s3cr:t}, id 1) owning VM 7 {@code desk}, and a fake NX agent it points to.
 */
abstract class StandInBackendFixture {

    /** {@code alice:s3cr:t}, as the Perl CLI capture sent it. */
    static final String ALICE_BASIC = "Basic YWxpY2U6czNjcjp0";

    InMemorySessionBackend backend;
    FakeNxAgent agent;
    L7rListener listener;
    InetSocketAddress address;
    private ExecutorService worker;
    final Map<String, String> settings = new HashMap<>(
            Map.of("bind-address", "127.0.0.1", "port", "0", "throttled-delay", "0.05", "node-name", "test-node"));

    @BeforeEach
    void startListener() throws Exception {
        backend =
                new InMemorySessionBackend().user(1, "alice@default", "s3cr:t").user(2, "bob@acme", "pw");
        agent = new FakeNxAgent();
        backend.vm(7, 1, "desk", "stopped").agentPort = agent.port();
        customize();
        worker = Executors.newFixedThreadPool(4);
        listener = new L7rListener(ConnectorConfig.from(settings::get), TestTls.server(), backend, worker);
        address = listener.start();
    }

    /** Hook for a test class to change settings or data before the listener starts. */
    void customize() {}

    @AfterEach
    void stopListener() throws Exception {
        listener.stop();
        worker.shutdownNow();
        backend.shutdown();
        agent.close();
    }

    L7rWire client() throws Exception {
        return RawClient.to(address);
    }

    /** The Perl CLI's {@code list_of_vm} request, byte for byte (qvd-client-wire.md §2). */
    static String perlList(String authorization) {
        return "GET /qvd/list_of_vm? HTTP/1.1\r\nAuthorization: " + authorization
                + "\r\nAccept: application/json\r\nUser-Agent: QVD::HTTPC/0.01 (linux)\r\n\r\n";
    }

    /** The Perl CLI's {@code connect_to_vm} request, byte for byte (§3), for VM {@code id}. */
    static String perlConnect(String authorization, String id) {
        return "GET /qvd/connect_to_vm?qvd.client.fullscreen=&qvd.client.audio.redirect.server="
                + "&qvd.client.audio.redirect.port=&qvd.client.audio.redirect.enable=0"
                + "&qvd.client.keyboard=pc105%2Fes&qvd.client.geometry=1024x768&qvd.client.usb.enabled=0"
                + "&qvd.client.audio.compression.enable=1&qvd.client.os=linux&id=" + id
                + "&qvd.client.nxagent.extra_args=&qvd.client.usb.implementation=USBIP"
                + "&qvd.client.printing.enabled=1&qvd.client.link=adsl HTTP/1.1\r\nAuthorization: " + authorization
                + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\nUser-Agent: QVD::HTTPC/0.01 (linux)\r\n\r\n";
    }

    /** A minimal connect request with the given query and extra header lines (CRLF). */
    static String connect(String query, String... headers) {
        StringBuilder s =
                new StringBuilder("GET /qvd/connect_to_vm").append(query).append(" HTTP/1.1\r\n");
        for (String h : headers) {
            s.append(h).append("\r\n");
        }
        return s.append("\r\n").toString();
    }
}
