package org.qvd.client.session.entity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP response from the L7R. Header names keep their case: the legacy clients look up
 * {@code Content-Length} and {@code X-QVD-Slave-Key} by exact name, and so does {@link #header}.
 */
public record L7rResponse(
        String version, int status, String reason, List<Map.Entry<String, String>> headers, byte[] body) {

    public String header(String exactName) {
        return headers.stream()
                .filter(h -> h.getKey().equals(exactName))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8).trim();
    }

    public boolean interim() {
        return status >= 100 && status < 200 && status != 101;
    }
}
