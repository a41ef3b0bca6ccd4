package org.qvd.client.standin;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLServerSocket;

/**
 * Stand-in for the L7R, written from the QVD 4 wire description: TLS, HTTP/1.1 keep-alive, Basic auth,
 * {@code list_of_vm}, and {@code connect_to_vm} answered with {@code 102}s and a {@code 101} (or a scripted
 * refusal), after which it relays raw bytes to a far-side NX port. Not the real connector.
 */
public final class StandInL7r implements AutoCloseable {

    /** One request as received: which TLS connection (1-based) it came on and its exact bytes. */
    public record Request(int connection, String raw) {
        public String target() {
            return raw.substring(4, raw.indexOf(' ', 4));
        }
    }

    private final SSLServerSocket server;
    private final String authorization;
    private volatile String bearer;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream upstream = new ByteArrayOutputStream();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile String vmListJson = "[]";
    private volatile List<String> progress = List.of();
    private volatile String refusal;
    private volatile int farSidePort;
    private volatile boolean stall;
    private volatile Consumer<Map<String, String>> beforeUpgrade = params -> {};

    public StandInL7r(TestCertificate certificate, String login, String password)
            throws IOException, GeneralSecurityException {
        server = (SSLServerSocket) certificate
                .serverContext()
                .getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        authorization = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread accept = new Thread(this::acceptLoop, "stand-in-l7r");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Also accepts {@code Authorization: Bearer base64(token)}. */
    public StandInL7r acceptToken(String token) {
        bearer = "Bearer " + java.util.Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public StandInL7r vms(String json) {
        vmListJson = json;
        return this;
    }

    public StandInL7r progress(String... texts) {
        progress = List.of(texts);
        return this;
    }

    /** Answers connect_to_vm with this status (after the progress lines) instead of 101. */
    public StandInL7r refuseConnect(int status, String reason, String body) {
        refusal = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        return this;
    }

    /** After the progress lines, sends nothing more (a server that hangs). */
    public StandInL7r stallAfterProgress() {
        stall = true;
        return this;
    }

    public StandInL7r farSide(int port) {
        farSidePort = port;
        return this;
    }

    /** Runs with the connect_to_vm parameters before the 101, as the real L7R calls the VMA's x_start. */
    public StandInL7r beforeUpgrade(Consumer<Map<String, String>> hook) {
        beforeUpgrade = hook;
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The first bytes the client sent through the tunnel. */
    public String upstream() {
        synchronized (upstream) {
            return upstream.toString(StandardCharsets.ISO_8859_1);
        }
    }

    public static Map<String, String> query(String target) {
        Map<String, String> params = new LinkedHashMap<>();
        int q = target.indexOf('?');
        if (q >= 0 && q + 1 < target.length()) {
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                int number = connections.incrementAndGet();
                Thread handler = new Thread(() -> serve(client, number), "stand-in-l7r-" + number);
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client, int number) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            for (String head = readHead(in); head != null; head = readHead(in)) {
                Request request = new Request(number, head);
                requests.add(request);
                if (!head.contains("\r\nAuthorization: " + authorization + "\r\n")
                        && (bearer == null || !head.contains("\r\nAuthorization: " + bearer + "\r\n"))) {
                    send(
                            out,
                            "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"QVD\"\r\n"
                                    + "Content-Type: text/plain\r\nContent-Length: 13\r\n\r\nLogin failed\n");
                } else if (request.target().startsWith("/qvd/list_of_vm")) {
                    send(
                            out,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                    + vmListJson.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + vmListJson);
                } else if (request.target().startsWith("/qvd/create_auth_token")) {
                    createToken(head, out);
                } else if (request.target().startsWith("/qvd/stop_vm")) {
                    send(
                            out,
                            "HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: Stopping virtual machine\r\n\r\n"
                                    + "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 15\r\n\r\nMachine stopped");
                } else if (request.target().startsWith("/qvd/connect_to_vm")) {
                    if (connect(head, request.target(), in, out)) {
                        return;
                    }
                } else {
                    send(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** As QVD: only a password login gets one; the token then logs in as Bearer too. */
    private void createToken(String head, OutputStream out) throws IOException {
        if (!head.contains("\r\nAuthorization: " + authorization + "\r\n")) {
            send(out, "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nForbidden");
            return;
        }
        String token = "tok-" + connections.get();
        acceptToken(token);
        String body = "{\"auth_params_id\":1,\"auth_token\":\""
                + java.util.Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)) + "\"}";
        send(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n"
                        + body);
    }

    /** Returns true when the connection became a tunnel (and is now over). */
    private boolean connect(String head, String target, InputStream in, OutputStream out) throws IOException {
        if (!head.contains("\r\nConnection: Upgrade\r\n") || !head.contains("\r\nUpgrade: QVD/1.0\r\n")) {
            send(out, "HTTP/1.1 426 Upgrade Required\r\nContent-Length: 0\r\n\r\n");
            return false;
        }
        for (String text : progress) {
            send(out, "HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: " + text + "\r\n\r\n");
            sleep(50); // deliberate: a real L7R's progress lines come apart, so the client reads them one by one
        }
        if (stall) {
            in.readAllBytes();
            return true;
        }
        if (refusal != null) {
            send(out, refusal);
            return false;
        }
        beforeUpgrade.accept(query(target));
        Socket far = connectFarSide();
        send(out, "HTTP/1.1 101 Switching Protocols\r\nX-QVD-Slave-Key: " + "k".repeat(64) + "\r\n\r\n");
        relay(in, out, far);
        return true;
    }

    /** Retries while the far side is not listening yet (a just-started NX agent); the first success is the session. */
    private Socket connectFarSide() {
        return await("the far side listening on " + farSidePort)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .ignoreException(ConnectException.class)
                .until(() -> new Socket(InetAddress.getLoopbackAddress(), farSidePort), Objects::nonNull);
    }

    private void relay(InputStream clientIn, OutputStream clientOut, Socket far) throws IOException {
        try (far) {
            Thread down = new Thread(() -> copy(far, clientOut, null), "stand-in-l7r-down");
            down.setDaemon(true);
            down.start();
            copy(clientIn, far.getOutputStream(), upstream);
        }
    }

    private static void copy(Socket from, OutputStream to, ByteArrayOutputStream record) {
        try {
            copy(from.getInputStream(), to, record);
        } catch (IOException e) {
            // ends the relay
        } finally {
            try {
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void copy(InputStream from, OutputStream to, ByteArrayOutputStream record) {
        byte[] buffer = new byte[8192];
        try {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                if (record != null) {
                    synchronized (record) {
                        if (record.size() < 4096) {
                            record.write(buffer, 0, Math.min(n, 4096 - record.size()));
                        }
                    }
                }
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // ends the relay
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            if (head.size() > 16384) {
                throw new IOException("request head too long");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void send(OutputStream out, String response) throws IOException {
        out.write(response.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
