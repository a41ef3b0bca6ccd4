package org.qvd.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One QVD client connection to an L7R as the Perl and Qt clients make it: TLS (optionally after a PROXY protocol
 * header that a TCP balancer would send in clear), exact request bytes out, responses read byte by byte (every line
 * must end in CRLF), then raw tunnel bytes both ways. The system, cluster, fault and guest tiers all speak through
 * this one client; open one with {@link #to(int)}.
 */
public final class L7rWire implements AutoCloseable {

    /** One response, exactly as received: status line, header lines, body (by Content-Length) and the raw text. */
    public record Response(String statusLine, List<String> headerLines, String body, String raw) {

        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** Header names lower-cased, the first value of each. */
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : headerLines) {
                int colon = line.indexOf(':');
                headers.putIfAbsent(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            return headers;
        }

        /** The first value of a header, its name in any case. */
        public String header(String name) {
            return headers().get(name.toLowerCase(Locale.ROOT));
        }

        /** The value of the header spelled exactly so (the Perl client is case-sensitive), or null. */
        public String exactHeader(String exactName) {
            for (String line : headerLines) {
                if (line.startsWith(exactName + ": ")) {
                    return line.substring(exactName.length() + 2);
                }
            }
            return null;
        }
    }

    /** Where and how to connect; {@link #open()} makes the connection. */
    public static final class Options {
        private final InetSocketAddress server;
        private InetSocketAddress from;
        private SSLContext tls;
        private byte[] header;
        private int connectTimeoutMillis = 60_000;
        private int readTimeoutMillis = 120_000; // a loaded machine: the VMAS may answer slowly

        private Options(InetSocketAddress server) {
            this.server = server;
        }

        /**
         * From a chosen loopback address (e.g. 127.0.0.5): another client address, as far as the L7R can tell;
         * null: any.
         */
        public Options from(String address) {
            return from(address == null ? null : new InetSocketAddress(address, 0));
        }

        public Options from(InetSocketAddress address) {
            this.from = address;
            return this;
        }

        /** Trust as this context does (default: {@link TrustAll}; the cluster tier trusts its CA only). */
        public Options trusting(SSLContext context) {
            this.tls = context;
            return this;
        }

        /** Bytes sent in clear before TLS (a PROXY v1 line or a v2 header), as a TCP balancer does; null: none. */
        public Options header(byte[] bytes) {
            this.header = bytes;
            return this;
        }

        public Options header(String proxyLine) {
            return header(proxyLine == null ? null : proxyLine.getBytes(StandardCharsets.US_ASCII));
        }

        /** As HAProxy passes on a client from {@code clientAddress} (PROXY v1 line from a random port). */
        public Options proxiedFor(String clientAddress) {
            int port = 40_000 + ThreadLocalRandom.current().nextInt(20_000);
            return header("PROXY TCP4 " + clientAddress + " 127.0.0.1 " + port + " 8443\r\n");
        }

        public Options connectTimeout(int millis) {
            this.connectTimeoutMillis = millis;
            return this;
        }

        public Options readTimeout(int millis) {
            this.readTimeoutMillis = millis;
            return this;
        }

        public L7rWire open() throws IOException {
            return new L7rWire(this);
        }
    }

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    private L7rWire(Options o) throws IOException {
        Socket tcp = new Socket();
        try {
            if (o.from != null) {
                tcp.bind(o.from);
            }
            tcp.connect(o.server, o.connectTimeoutMillis);
            if (o.header != null) {
                tcp.getOutputStream().write(o.header);
                tcp.getOutputStream().flush();
            }
            SSLContext tls = o.tls != null ? o.tls : TrustAll.context();
            socket = (SSLSocket) tls.getSocketFactory().createSocket(tcp, "localhost", o.server.getPort(), true);
            socket.setSoTimeout(o.readTimeoutMillis);
            socket.setTcpNoDelay(true);
            socket.startHandshake();
        } catch (IOException e) {
            tcp.close();
            throw e;
        }
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** An L7R on this machine's loopback. */
    public static Options to(int port) {
        return to(new InetSocketAddress("127.0.0.1", port));
    }

    public static Options to(InetSocketAddress server) {
        return new Options(server);
    }

    /** Trusting any certificate, from any local address: {@code L7rWire.to(port).open()}. */
    public static L7rWire open(int port) throws IOException {
        return to(port).open();
    }

    public static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The Perl client's {@code connect_to_vm} request head for a VM, as a user. */
    public static String connectRequest(long vm, String login, String password) {
        return "GET /qvd/connect_to_vm?id=" + vm + "&qvd.client.os=linux HTTP/1.1\r\nAuthorization: "
                + basic(login, password) + "\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n\r\n";
    }

    /** Writes a request head (or any text) exactly, byte per character. */
    public L7rWire send(String requestHead) throws IOException {
        return write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Raw bytes, e.g. into the tunnel after a {@code 101}. */
    public L7rWire write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Text into the tunnel, UTF-8. */
    public L7rWire write(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next response (a {@code 102} is one too); empty lines before a status line are passed over. */
    public Response read() throws IOException {
        StringBuilder raw = new StringBuilder();
        String status = line(raw);
        while (status.isEmpty()) {
            status = line(raw);
        }
        List<String> headers = new ArrayList<>();
        for (String h = line(raw); !h.isEmpty(); h = line(raw)) {
            headers.add(h);
        }
        String body = "";
        for (String h : headers) {
            if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                body = new String(in.readNBytes(Integer.parseInt(h.substring(15).trim())), StandardCharsets.UTF_8);
                raw.append(body);
                break;
            }
        }
        return new Response(status, List.copyOf(headers), body, raw.toString());
    }

    /** Responses up to and including the first that is not {@code 102 Processing}. */
    public List<Response> readUntilFinal() throws IOException {
        List<Response> all = new ArrayList<>();
        Response r;
        do {
            r = read();
            all.add(r);
        } while (r.status() == 102);
        return all;
    }

    /** Exactly {@code n} raw bytes from the tunnel; fails when it closes before. */
    public byte[] readExactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new IOException("tunnel closed after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    /** Tunnel bytes until {@code expected} has arrived (or the connection ends); returns what came. */
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

    /** True when the connection ended (EOF or reset) within {@code millis}; whatever arrives first is drained. */
    public boolean endsWithin(int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            while (in.read() >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(before);
            }
        }
    }

    /** True when the server closed the connection (EOF or reset) before the next byte, within the read timeout. */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return !(e instanceof SocketTimeoutException);
        }
    }

    /** Read timeout for what follows. */
    public void soTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    public InputStream input() {
        return in;
    }

    public OutputStream output() {
        return out;
    }

    private String line(StringBuilder raw) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new java.io.EOFException(
                        "connection closed after: " + raw + buf.toString(StandardCharsets.ISO_8859_1));
            }
            buf.write(b);
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        raw.append(s).append('\n');
        if (!s.endsWith("\r")) {
            throw new IOException("response line without CRLF: " + s);
        }
        return s.substring(0, s.length() - 1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
