package org.qvd.cluster.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;

/**
 * One QVD client connection to an L7R, as the Perl client makes it: TLS, the request bytes, responses read line by
 * line, then raw bytes. Through the balancer it is a plain TLS connection; straight to a node it first writes the
 * PROXY protocol line HAProxy would (the nodes' L7R expects one), naming {@code clientAddress} as the client.
 * Trusts the installation CA only.
 */
public final class L7rClient implements AutoCloseable {

    /** One response: status, headers (lower-case names), body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private L7rClient(Path caPem, int port, String proxyLine) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 20_000);
        if (proxyLine != null) {
            plain.getOutputStream().write(proxyLine.getBytes(StandardCharsets.US_ASCII));
            plain.getOutputStream().flush();
        }
        socket = (SSLSocket) Admin.trusting(caPem).getSocketFactory().createSocket(plain, "localhost", port, true);
        socket.setSoTimeout(60_000);
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Through the balancer. */
    public static L7rClient viaBalancer(Path caPem, int balancerPort) throws IOException {
        return new L7rClient(caPem, balancerPort, null);
    }

    /** Straight to a node's L7R, as the balancer would pass on a client from {@code clientAddress}. */
    public static L7rClient toNode(Path caPem, int nodePort, String clientAddress) throws IOException {
        return new L7rClient(caPem, nodePort,
                "PROXY TCP4 " + clientAddress + " 127.0.0.1 " + (40000 + (int) (Math.random() * 20000)) + " 8443\r\n");
    }

    public static String connectRequest(long vm, String login, String password) {
        return "GET /qvd/connect_to_vm?id=" + vm + "&qvd.client.os=linux HTTP/1.1\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8))
                + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n";
    }

    public void send(String head) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    public Response read() throws IOException {
        String status = line();
        while (status.isEmpty()) {
            status = line();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.putIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        String length = headers.get("content-length");
        String body = length == null ? "" : new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, body);
    }

    /** Responses up to and including the first that is not {@code 102}. */
    public List<Response> readUntilFinal() throws IOException {
        List<Response> all = new ArrayList<>();
        Response r;
        do {
            r = read();
            all.add(r);
        } while (r.status() == 102);
        return all;
    }

    public void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads tunnel bytes until {@code expected} has arrived (or the connection ends); returns what came. */
    public String readUntil(String expected) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!got.toString(StandardCharsets.UTF_8).contains(expected)) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    /** True when the connection ended (EOF or reset) within {@code millis}. */
    public boolean endsWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            while (in.read() >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            socket.setSoTimeout(60_000);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed after: " + buf.toString(StandardCharsets.ISO_8859_1));
            }
            buf.write(b);
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
