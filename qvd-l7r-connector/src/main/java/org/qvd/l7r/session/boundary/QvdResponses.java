package org.qvd.l7r.session.boundary;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Response bytes exactly as QVD clients parse them: always {@code HTTP/1.1}, CRLF line ends, and on every final
 * response {@code Content-Type} then {@code Content-Length} spelled so (the Perl client's header lookups are
 * case-sensitive and it reads no body without {@code Content-Length}).
 */
final class QvdResponses {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(101, "Switching Protocols"),
            Map.entry(102, "Processing"),
            Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"),
            Map.entry(422, "Unprocessable Entity"),
            Map.entry(426, "Upgrade Required"),
            Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(505, "HTTP Version Not Supported"));

    private QvdResponses() {}

    static ByteBuf text(ByteBufAllocator alloc, int status, String body, String... extraHeaders) {
        return withBody(alloc, status, "text/plain", body, extraHeaders);
    }

    static ByteBuf json(ByteBufAllocator alloc, String body) {
        return withBody(alloc, 200, "application/json", body);
    }

    /** {@code HTTP/1.1 102 Processing} with {@code X-QVD-VM-Info: <text>}; control characters become spaces. */
    static ByteBuf processing(ByteBufAllocator alloc, String info) {
        String clean = info == null ? "" : info.replaceAll("[\\x00-\\x1f\\x7f]", " ");
        return ascii(alloc, "HTTP/1.1 102 Processing\r\nX-QVD-VM-Info: " + clean + "\r\n\r\n");
    }

    /** The upgrade answer; the client stores the {@code X-QVD-Slave-Key} value for its slave channel. */
    static ByteBuf switching(ByteBufAllocator alloc, String slaveKey) {
        return ascii(
                alloc,
                "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: QVD/1.0\r\n" + "X-QVD-Slave-Key: "
                        + slaveKey + "\r\n\r\n");
    }

    static String reason(int status) {
        return REASONS.getOrDefault(status, "Error");
    }

    private static ByteBuf withBody(
            ByteBufAllocator alloc, int status, String type, String body, String... extraHeaders) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(128)
                .append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        for (String h : extraHeaders) {
            head.append(h).append("\r\n");
        }
        head.append("Content-Type: ")
                .append(type)
                .append("\r\nContent-Length: ")
                .append(content.length)
                .append("\r\n\r\n");
        ByteBuf buf = alloc.buffer(head.length() + content.length);
        buf.writeCharSequence(head, StandardCharsets.US_ASCII);
        buf.writeBytes(content);
        return buf;
    }

    private static ByteBuf ascii(ByteBufAllocator alloc, String s) {
        ByteBuf buf = alloc.buffer(s.length());
        buf.writeCharSequence(s, StandardCharsets.ISO_8859_1);
        return buf;
    }

    /** {@code [{"id":7,"name":"desk","state":"stopped","blocked":0}]}: {@code blocked} as 0/1, as QVD sends it. */
    static String vmListJson(List<org.qvd.l7r.session.entity.VmSummary> vms) {
        StringBuilder json = new StringBuilder("[");
        for (org.qvd.l7r.session.entity.VmSummary vm : vms) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"id\":")
                    .append(vm.id())
                    .append(",\"name\":")
                    .append(jsonString(vm.name()))
                    .append(",\"state\":")
                    .append(jsonString(vm.state()))
                    .append(",\"blocked\":")
                    .append(vm.blocked() ? 1 : 0)
                    .append('}');
        }
        return json.append(']').toString();
    }

    /** {@code {"auth_params_id":7,"auth_token":"<base64 of the token>"}}, as QVD's {@code create_auth_token}. */
    static String tokenJson(org.qvd.l7r.session.entity.IssuedToken token) {
        String encoded =
                java.util.Base64.getEncoder().encodeToString(token.token().getBytes(StandardCharsets.UTF_8));
        return "{\"auth_params_id\":" + token.authParamsId() + ",\"auth_token\":" + jsonString(encoded) + "}";
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
