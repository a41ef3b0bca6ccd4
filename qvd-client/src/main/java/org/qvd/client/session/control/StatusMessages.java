package org.qvd.client.session.control;

import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.session.entity.L7rResponse;

/** Turns an L7R refusal into the message a user reads and the exit code a script sees. */
public final class StatusMessages {

    /** Which request the response answers: the same code can mean different things. */
    public enum Request {
        LIST,
        CONNECT,
        STOP,
        TOKEN
    }

    private StatusMessages() {}

    public static ClientException failure(Request request, L7rResponse response, long vmId) {
        if (!"HTTP/1.1".equals(response.version())) {
            return new ClientException(
                    ExitStatus.PROTOCOL_MISMATCH,
                    "The server answered " + response.version() + "; a QVD server speaks HTTP/1.1 only.");
        }
        String said = serverSaid(response);
        return switch (response.status()) {
            case 401 ->
                new ClientException(
                        ExitStatus.BAD_LOGIN,
                        "The server rejected your login. Check your user name (login@tenant) and password,"
                                + " or get a new token if you used one (they expire).");
            case 403 ->
                new ClientException(
                        ExitStatus.FORBIDDEN,
                        request == Request.TOKEN
                                ? "The server makes tokens only for a password login, not for a token." + said
                                : request == Request.LIST
                                        ? "Access forbidden: your account or tenant may be blocked." + said
                                        : "Virtual machine " + vmId + " is blocked or under maintenance." + said);
            case 404 ->
                request == Request.LIST || request == Request.TOKEN
                        ? new ClientException(
                                ExitStatus.PROTOCOL_MISMATCH,
                                "The server does not know the QVD requests: is this a QVD server?")
                        : new ClientException(
                                ExitStatus.NO_SUCH_VM,
                                "Virtual machine " + vmId + " does not exist (or is not yours)." + said);
            case 422 ->
                new ClientException(
                        ExitStatus.PROTOCOL_MISMATCH,
                        "The server did not understand the request (422 " + response.reason() + ")." + said);
            case 426 ->
                new ClientException(
                        ExitStatus.PROTOCOL_MISMATCH,
                        "The server requires a different QVD protocol version (426 Upgrade Required)." + said);
            case 505 ->
                new ClientException(
                        ExitStatus.PROTOCOL_MISMATCH,
                        "The server refused the HTTP version (505); it does not speak QVD's HTTP/1.1." + said);
            case 503 ->
                new ClientException(
                        ExitStatus.SERVER_UNAVAILABLE, "The server cannot serve you now; retry later." + said);
            default ->
                new ClientException(
                        ExitStatus.SERVER_ERROR,
                        "Server error: " + response.status() + " " + response.reason() + "." + said);
        };
    }

    private static String serverSaid(L7rResponse response) {
        String body = response.bodyText();
        if (body.isEmpty()) {
            return "";
        }
        String cut = body.length() > 500 ? body.substring(0, 500) + "…" : body;
        return "\nThe server said: " + cut.replaceAll("[\\p{Cntrl}&&[^\n]]", "?");
    }
}
