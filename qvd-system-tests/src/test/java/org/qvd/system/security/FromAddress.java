package org.qvd.system.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLSocket;
import org.qvd.launcher.QvdSystem;
import org.qvd.testsupport.TrustAll;

/**
 * HTTP/1.1 requests to the server's HTTPS port from a chosen loopback address (127.0.0.N): the server sees
 * another client address, as an attacker's or an operator's machine would be. One connection per request.
 */
final class FromAddress {

    private final QvdSystem system;
    private final InetAddress local;

    FromAddress(QvdSystem system, String localAddress) {
        this.system = system;
        try {
            this.local = InetAddress.getByName(localAddress);
        } catch (IOException e) {
            throw new IllegalArgumentException(localAddress, e);
        }
    }

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response get(String path, String authorization) {
        return send(
                "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                        + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n",
                new byte[0]);
    }

    Response postForm(String path, String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        return send(
                "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded"
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n",
                body);
    }

    Response postJson(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send(
                "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n",
                body);
    }

    private Response send(String head, byte[] body) {
        try (SSLSocket socket = (SSLSocket) TrustAll.context()
                .getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), system.httpsPort(), local, 0)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("request from " + local + " failed", e);
        }
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String body = end < 0 ? "" : text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    private static String unchunk(String chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = chunked.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < b.length) {
            int lineEnd = chunked.indexOf("\r\n", i);
            if (lineEnd < 0) {
                break;
            }
            int size =
                    Integer.parseInt(chunked.substring(i, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(b, lineEnd + 2, Math.min(size, b.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
