package org.qvd.client.session.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;

/** Reads the {@code create_auth_token} body: {@code {"auth_params_id": N, "auth_token": "<base64 of the token>"}}. */
public final class TokenAnswerParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenAnswerParser() {}

    public static String authToken(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw unreadable();
        }
        if (root == null
                || !root.path("auth_token").isTextual()
                || root.path("auth_token").asText().isBlank()) {
            throw unreadable();
        }
        return root.get("auth_token").asText();
    }

    private static ClientException unreadable() {
        return new ClientException(ExitStatus.PROTOCOL_MISMATCH, "The server's token answer is not readable.");
    }
}
