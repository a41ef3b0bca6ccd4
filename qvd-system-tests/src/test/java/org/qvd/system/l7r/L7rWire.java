package org.qvd.system.l7r;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.qvd.system.platform.Http;

/** One raw TLS connection to the L7R: exact request bytes out, responses read byte by byte as a QVD client would. */
public final class L7rWire implements AutoCloseable {

    /** One response: status, headers (names lower-cased, first value), body. */
    public record Response(String statusLine, int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    public L7rWire(int port) throws IOException {
        this(port, null);
    }

    /** From a chosen loopback address (e.g. 127.0.0.5): another client address, as far as the L7R can tell. */
    public L7rWire(int port, String fromAddress) throws IOException {
        socket = (SSLSocket) Http.trustAll().getSocketFactory().createSocket();
        if (fromAddress != null) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 60_000);
        socket.setSoTimeout(120_000); // a loaded machine: the VMAS may answer slowly
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public void send(String requestHead) throws IOException {
        out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The next response (a {@code 102} is one too). */
    public Response read() throws IOException {
        String statusLine = line();
        while (statusLine.isEmpty()) {
            statusLine = line();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.putIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        String length = headers.get("content-length");
        String body = length == null ? "" : new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
        return new Response(statusLine, Integer.parseInt(statusLine.split(" ")[1]), headers, body);
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

    /** Read timeout for what follows. */
    public void soTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** Raw bytes into the tunnel after a {@code 101}. */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Exactly {@code n} raw bytes from the tunnel. */
    public byte[] readExactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new IOException("tunnel closed after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
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
