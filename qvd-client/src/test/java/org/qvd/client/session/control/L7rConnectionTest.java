package org.qvd.client.session.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;

/** The request/response exchange over a plain loopback socket; the far end plays back scripted answers. */
class L7rConnectionTest {

    private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    L7rConnectionTest() throws IOException {}

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    /** Answers each request (read up to its blank line) with the next scripted answer, then closes. */
    private L7rConnection connectionAnswering(String... answers) throws IOException {
        CompletableFuture.runAsync(() -> {
            try (Socket peer = server.accept()) {
                InputStream in = peer.getInputStream();
                OutputStream out = peer.getOutputStream();
                for (String answer : answers) {
                    readRequest(in);
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                peer.shutdownOutput();
                in.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        return new L7rConnection(socket, L7rRequests.basic("alice", "pw".toCharArray()), "test", 5000);
    }

    private void readRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            synchronized (received) {
                received.write(b);
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Test
    void listsThenConnectsOnTheSameConnectionAndReportsEachProgressText() throws Exception {
        List<String> progress = new ArrayList<>();
        try (L7rConnection connection = connectionAnswering(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]",
                "HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: Starting virtual machine\r\n\r\n"
                        + "HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: Starting X session\r\n\r\n"
                        + "HTTP/1.1 102 Processing\r\n\r\n"
                        + "HTTP/1.1 101 Switching Protocols\r\nX-QVD-Slave-Key: k3y\r\n\r\nNXPROXY-3.5.0 early")) {

            assertThat(connection.listVms()).isEmpty();
            Upgraded upgraded = connection.connect(7, Map.of("id", "7"), progress::add);

            assertThat(progress).containsExactly("Starting virtual machine", "Starting X session");
            assertThat(upgraded.slaveKey()).isEqualTo("k3y");
            assertThat(upgraded.serverNxCookie()).isNull();
            assertThat(new String(upgraded.in().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("NXPROXY-3.5.0 early");
        }
        String requests = received.toString(StandardCharsets.US_ASCII);
        assertThat(requests)
                .startsWith("GET /qvd/list_of_vm? HTTP/1.1\r\n")
                .contains("\r\n\r\nGET /qvd/connect_to_vm?id=7 HTTP/1.1\r\n");
    }

    @Test
    void takesAServerDictatedNxCookieFromThe101() throws Exception {
        try (L7rConnection connection = connectionAnswering(
                "HTTP/1.1 101 Switching Protocols\r\nX-QVD-Slave-Key: k\r\nX-QVD-NX-Cookie: 00112233445566778899aabbccddeeff\r\n\r\n")) {
            Upgraded upgraded = connection.connect(7, Map.of("id", "7"), p -> {});

            assertThat(upgraded.serverNxCookie()).isEqualTo("00112233445566778899aabbccddeeff");
        }
    }

    @Test
    void aRefusalAfterProgressBecomesTheMatchingFailure() throws Exception {
        List<String> progress = new ArrayList<>();
        try (L7rConnection connection =
                connectionAnswering("HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: Starting virtual machine\r\n\r\n"
                        + "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 29\r\n\r\n"
                        + "No host can run this VM now.\n")) {

            assertThatThrownBy(() -> connection.connect(7, Map.of("id", "7"), progress::add))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(ExitStatus.SERVER_UNAVAILABLE);
                        assertThat(e.getMessage()).contains("The server said: No host can run this VM now.");
                    });
            assertThat(progress).containsExactly("Starting virtual machine");
        }
    }

    @Test
    void aServerThatClosesAfterProgressIsAConnectionFailure() throws Exception {
        try (L7rConnection connection =
                connectionAnswering("HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: Starting virtual machine\r\n\r\n")) {

            assertThatThrownBy(() -> connection.connect(7, Map.of("id", "7"), p -> {}))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(ExitStatus.CONNECTION_FAILED);
                        assertThat(e.getMessage()).contains("closed the connection");
                    });
        }
    }

    @Test
    void aListAnsweredWith401IsABadLogin() throws Exception {
        try (L7rConnection connection = connectionAnswering("HTTP/1.1 401 Unauthorized\r\n"
                + "WWW-Authenticate: Basic realm=\"QVD\"\r\nContent-Length: 0\r\n\r\n")) {

            assertThatThrownBy(connection::listVms)
                    .isInstanceOfSatisfying(
                            ClientException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.BAD_LOGIN));
        }
    }

    @Test
    void aListOverHttp10IsAProtocolMismatch() throws Exception {
        try (L7rConnection connection = connectionAnswering("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n[]")) {

            assertThatThrownBy(connection::listVms)
                    .isInstanceOfSatisfying(
                            ClientException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.PROTOCOL_MISMATCH));
        }
    }

    @Test
    void stopVmReadsPastProgressUntilTheFinalAnswer() throws Exception {
        List<String> progress = new ArrayList<>();
        try (L7rConnection connection = connectionAnswering("HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: Stopping\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 15\r\n\r\nMachine stopped")) {

            connection.stopVm(4, progress::add);

            assertThat(progress).containsExactly("Stopping");
        }
        assertThat(received.toString(StandardCharsets.US_ASCII)).startsWith("GET /qvd/stop_vm?id=4 HTTP/1.1\r\n");
    }
}
