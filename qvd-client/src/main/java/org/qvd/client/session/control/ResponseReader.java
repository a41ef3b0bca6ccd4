package org.qvd.client.session.control;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.session.entity.L7rResponse;

/**
 * Reads one response as the legacy clients accept it: leading blank lines skipped, CRLF or bare LF,
 * folded header lines joined, a body only when {@code Content-Length} says so. Reads byte by byte
 * from the caller's (buffered) stream so that bytes after a {@code 101} header block stay in that
 * stream for the tunnel. Sizes are bounded so a broken server cannot exhaust memory.
 */
public final class ResponseReader {

    static final int MAX_LINE = 8192;
    static final int MAX_HEADERS = 100;
    static final int MAX_BODY = 4 * 1024 * 1024;
    private static final Pattern STATUS = Pattern.compile("(HTTP/\\d\\.\\d) (\\d{3})(?: (.*))?");
    private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) *: *(.*)");

    private final InputStream in;

    public ResponseReader(InputStream in) {
        this.in = in;
    }

    public L7rResponse read() throws IOException {
        String line = readLine(true);
        while (line.isEmpty()) {
            line = readLine(true);
        }
        Matcher status = STATUS.matcher(line);
        if (!status.matches()) {
            throw malformed("status line '" + printable(line) + "'");
        }
        List<Map.Entry<String, String>> headers = readHeaders();
        L7rResponse head = new L7rResponse(
                status.group(1),
                Integer.parseInt(status.group(2)),
                status.group(3) == null ? "" : status.group(3),
                headers,
                new byte[0]);
        byte[] body = readBody(head);
        return new L7rResponse(head.version(), head.status(), head.reason(), headers, body);
    }

    private List<Map.Entry<String, String>> readHeaders() throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                headers.add(new SimpleEntry<>(last.getKey(), last.getValue() + " " + line.strip()));
                continue;
            }
            Matcher header = HEADER.matcher(line);
            if (!header.matches()) {
                throw malformed("header line '" + printable(line) + "'");
            }
            if (headers.size() == MAX_HEADERS) {
                throw malformed("more than " + MAX_HEADERS + " headers");
            }
            headers.add(new SimpleEntry<>(header.group(1), header.group(2).strip()));
        }
        return headers;
    }

    private byte[] readBody(L7rResponse head) throws IOException {
        String length = head.headers().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (length == null) {
            return new byte[0];
        }
        int size;
        try {
            size = Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            throw malformed("Content-Length '" + printable(length) + "'");
        }
        if (size < 0 || size > MAX_BODY) {
            throw malformed("body of " + size + " bytes");
        }
        byte[] body = in.readNBytes(size);
        if (body.length < size) {
            throw new EOFException("server closed the connection in the middle of a response");
        }
        return body;
    }

    /** One line without its CR LF / LF; EOF before the first byte of a status line is a closed connection. */
    private String readLine(boolean statusLine) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(
                        statusLine && line.size() == 0
                                ? "server closed the connection"
                                : "server closed the connection in the middle of a response");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() == MAX_LINE) {
                throw malformed("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static ClientException malformed(String what) {
        return new ClientException(
                ExitStatus.PROTOCOL_MISMATCH, "The server does not speak the QVD protocol (bad " + what + ").");
    }

    private static String printable(String text) {
        String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
