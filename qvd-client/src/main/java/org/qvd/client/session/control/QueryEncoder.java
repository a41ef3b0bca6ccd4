package org.qvd.client.session.control;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Percent-encoding as the legacy Perl client does it (URI::Escape {@code uri_escape}): only
 * {@code A-Za-z0-9-._~} stay literal, so {@code /} becomes {@code %2F} and a space {@code %20}, never {@code +}.
 */
public final class QueryEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryEncoder() {}

    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** {@code k=v&k=v} in the map's order; empty values are sent as {@code k=}. */
    public static String query(Map<String, String> params) {
        StringJoiner joined = new StringJoiner("&");
        params.forEach((k, v) -> joined.add(encode(k) + "=" + encode(v == null ? "" : v)));
        return joined.toString();
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }
}
