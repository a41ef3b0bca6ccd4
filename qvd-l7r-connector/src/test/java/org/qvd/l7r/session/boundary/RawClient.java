package org.qvd.l7r.session.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocket;

/** A QVD client reduced to raw bytes over real TLS: writes exact request bytes, reads responses byte by byte. */
final class RawClient implements AutoCloseable {

    /** One response head (and body, when it has a Content-Length), exactly as received. */
    record Response(String statusLine, List<String> headerLines, String body, String raw) {

        int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** The value of the header whose name is spelled exactly so (the Perl client is case-sensitive). */
        String header(String exactName) {
            for (String line : headerLines) {
                if (line.startsWith(exactName + ": ")) {
                    return line.substring(exactName.length() + 2);
                }
            }
            return null;
        }
    }

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    RawClient(InetSocketAddress server) throws Exception {
        this(server, null);
    }

    /** With {@code proxyLine} (e.g. {@code PROXY TCP4 ...\r\n}) sent in clear before TLS, as a TCP balancer does. */
    RawClient(InetSocketAddress server, String proxyLine) throws Exception {
        this(server, proxyLine, null);
    }

    /** From a chosen local address (e.g. 127.0.0.2: another client address on loopback). */
    RawClient(InetSocketAddress server, String proxyLine, InetSocketAddress from) throws Exception {
        this(proxyLine == null ? null : proxyLine.getBytes(StandardCharsets.US_ASCII), server, from);
    }

    /** With a binary header (e.g. PROXY v2; null: none) sent in clear before TLS, from {@code from} (null: any). */
    static RawClient withHeader(InetSocketAddress server, byte[] header, InetSocketAddress from) throws Exception {
        return new RawClient(header, server, from);
    }

    private RawClient(byte[] header, InetSocketAddress server, InetSocketAddress from) throws Exception {
        java.net.Socket tcp = new java.net.Socket();
        if (from != null) {
            tcp.bind(from);
        }
        tcp.connect(server, 5000);
        if (header != null) {
            tcp.getOutputStream().write(header);
            tcp.getOutputStream().flush();
        }
        socket = (SSLSocket) TestTls.trustingClient().getSocketFactory().createSocket(tcp, "localhost",
                server.getPort(), true);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    RawClient send(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    RawClient sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response: status line, headers up to the empty line, then Content-Length bytes of body. */
    Response read() throws IOException {
        StringBuilder raw = new StringBuilder();
        String status = line(raw);
        List<String> headers = new ArrayList<>();
        for (String h = line(raw); !h.isEmpty(); h = line(raw)) {
            headers.add(h);
        }
        String body = "";
        for (String h : headers) {
            if (h.startsWith("Content-Length: ")) {
                byte[] b = in.readNBytes(Integer.parseInt(h.substring(16).trim()));
                body = new String(b, StandardCharsets.UTF_8);
                raw.append(body);
            }
        }
        return new Response(status, headers, body, raw.toString());
    }

    /** Reads responses while they are {@code 102}; returns them and the first other one (last in the list). */
    List<Response> readThroughProcessing() throws IOException {
        List<Response> all = new ArrayList<>();
        Response r;
        do {
            r = read();
            all.add(r);
        } while (r.status() == 102);
        return all;
    }

    byte[] readExactly(int n) throws IOException {
        return in.readNBytes(n);
    }

    InputStream input() {
        return in;
    }

    OutputStream output() {
        return out;
    }

    /** True when the server closed the connection (EOF or reset) within the socket timeout. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException);
        }
    }

    void soTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    private String line(StringBuilder raw) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new java.io.EOFException("connection closed after: " + raw + buf);
            }
            buf.write(c);
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        raw.append(s).append('\n');
        if (!s.endsWith("\r")) {
            throw new IOException("line not ended by CRLF: " + s);
        }
        return s.substring(0, s.length() - 1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
