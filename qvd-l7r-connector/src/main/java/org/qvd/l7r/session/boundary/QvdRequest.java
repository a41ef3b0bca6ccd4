package org.qvd.l7r.session.boundary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request head as a QVD client sends it (no body: every QVD request is a {@code GET}). */
record QvdRequest(String method, String target, String version, List<Map.Entry<String, String>> headers) {

    QvdRequest {
        headers = List.copyOf(headers);
    }

    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The query parameters in the order sent, percent-decoded as UTF-8; {@code +} stays {@code +} (URI::Escape). */
    Map<String, String> query() {
        Map<String, String> params = new LinkedHashMap<>();
        int q = target.indexOf('?');
        if (q < 0) {
            return params;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(percentDecode(key), percentDecode(value));
        }
        return params;
    }

    /** The first header of this name, compared case-insensitively; null when absent. */
    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** {@code Connection: Upgrade} and {@code Upgrade: QVD/1.0}, as QVD's L7R requires for {@code connect_to_vm}. */
    boolean asksForQvdUpgrade() {
        String connection = header("Connection");
        String upgrade = header("Upgrade");
        if (connection == null || upgrade == null || !upgrade.trim().equalsIgnoreCase("QVD/1.0")) {
            return false;
        }
        for (String token : connection.split(",")) {
            if (token.trim().equalsIgnoreCase("Upgrade")) {
                return true;
            }
        }
        return false;
    }

    boolean asksToClose() {
        String connection = header("Connection");
        return connection != null
                && connection.toLowerCase(java.util.Locale.ROOT).contains("close");
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s, i + 1) && isHex(s, i + 2)) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int i) {
        return Character.digit(s.charAt(i), 16) >= 0;
    }
}
