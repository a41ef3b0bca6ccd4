package org.qvd.client.session.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Builds the exact request bytes. They follow the legacy Perl client (QVD::HTTPC): CRLF line ends,
 * no {@code Host} header, {@code Authorization} first, {@code User-Agent} last, {@code list_of_vm?}
 * with its empty query, {@code Connection: Upgrade} and {@code Upgrade: QVD/1.0} on {@code connect_to_vm}.
 */
public final class L7rRequests {

    public static final String USER_AGENT = "QVD-Client-Java/0.1.0 (linux)";
    private static final String CRLF = "\r\n";

    private final String authorization;

    private L7rRequests(String authorization) {
        this.authorization = authorization;
    }

    /** Basic credentials; the password goes as-is, a ':' inside it is not escaped (as in QVD 4). */
    public static L7rRequests basic(String login, char[] password) {
        byte[] raw = (login + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
        return new L7rRequests("Basic " + Base64.getEncoder().encodeToString(raw));
    }

    /** Token credentials, base64 of the token as the legacy CLI sends them. */
    public static L7rRequests bearer(String token) {
        return new L7rRequests("Bearer " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] listOfVm() {
        return bytes("GET /qvd/list_of_vm? HTTP/1.1" + CRLF
                + "Authorization: " + authorization + CRLF
                + "Accept: application/json" + CRLF
                + "User-Agent: " + USER_AGENT + CRLF
                + CRLF);
    }

    /** QVD's {@code create_auth_token}, with the headers of a list request. */
    public byte[] createAuthToken() {
        return bytes("GET /qvd/create_auth_token HTTP/1.1" + CRLF
                + "Authorization: " + authorization + CRLF
                + "Accept: application/json" + CRLF
                + "User-Agent: " + USER_AGENT + CRLF
                + CRLF);
    }

    public byte[] connectToVm(Map<String, String> params) {
        return upgrade("/qvd/connect_to_vm?" + QueryEncoder.query(params));
    }

    public byte[] stopVm(long vmId) {
        return upgrade("/qvd/stop_vm?id=" + vmId);
    }

    private byte[] upgrade(String target) {
        return bytes("GET " + target + " HTTP/1.1" + CRLF
                + "Authorization: " + authorization + CRLF
                + "Connection: Upgrade" + CRLF
                + "Upgrade: QVD/1.0" + CRLF
                + "User-Agent: " + USER_AGENT + CRLF
                + CRLF);
    }

    private static byte[] bytes(String request) {
        return request.getBytes(StandardCharsets.US_ASCII);
    }
}
