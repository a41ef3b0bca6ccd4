package org.qvd.client.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qvd.client.platform.ClientException;
import org.qvd.client.platform.ExitStatus;
import org.qvd.client.session.control.StatusMessages.Request;
import org.qvd.client.session.entity.L7rResponse;

class StatusMessagesTest {

    private static L7rResponse response(String version, int status, String reason, String body) {
        return new L7rResponse(version, status, reason, List.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} {1} on {3} -> {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "401|Unauthorized||LIST|BAD_LOGIN|rejected your login",
                "401|Unauthorized||CONNECT|BAD_LOGIN|rejected your login",
                "403|Forbidden|Invalid parameters|LIST|FORBIDDEN|account or tenant may be blocked",
                "403|Forbidden|offline for maintenance|CONNECT|FORBIDDEN|Virtual machine 9 is blocked or under maintenance",
                "404|Not Found||CONNECT|NO_SUCH_VM|Virtual machine 9 does not exist",
                "404|Not Found||LIST|PROTOCOL_MISMATCH|is this a QVD server",
                "422|Unprocessable Entity|id missing|CONNECT|PROTOCOL_MISMATCH|did not understand",
                "426|Upgrade Required||CONNECT|PROTOCOL_MISMATCH|different QVD protocol version",
                "505|HTTP Version Not Supported||LIST|PROTOCOL_MISMATCH|refused the HTTP version",
                "503|Service Unavailable|The requested virtual machine is not available: no host, retry later.|CONNECT"
                        + "|SERVER_UNAVAILABLE|The server said: The requested virtual machine is not available: no host",
                "503|Service Unavailable|Server is blocked|LIST|SERVER_UNAVAILABLE|The server said: Server is blocked",
                "502|Bad Gateway|upstream died|CONNECT|SERVER_ERROR|Server error: 502 Bad Gateway",
                "500|Internal Server Error||CONNECT|SERVER_ERROR|Server error: 500",
            })
    void mapsEveryRefusalToAMessageAndAnExitCode(
            int status, String reason, String body, Request request, ExitStatus exit, String message) {
        ClientException failure =
                StatusMessages.failure(request, response("HTTP/1.1", status, reason, body == null ? "" : body), 9);

        assertThat(failure.status()).isEqualTo(exit);
        assertThat(failure.getMessage()).contains(message);
    }

    @ParameterizedTest
    @CsvSource({"HTTP/1.0,200", "HTTP/1.0,101", "HTTP/2.0,503"})
    void refusesAnyResponseVersionButHttp11(String version, int status) {
        ClientException failure = StatusMessages.failure(Request.CONNECT, response(version, status, "X", ""), 9);

        assertThat(failure.status()).isEqualTo(ExitStatus.PROTOCOL_MISMATCH);
        assertThat(failure.getMessage()).contains(version).contains("HTTP/1.1 only");
    }

    @ParameterizedTest
    @CsvSource({
        "BAD_LOGIN,3",
        "FORBIDDEN,4",
        "NO_SUCH_VM,5",
        "PROTOCOL_MISMATCH,6",
        "SERVER_UNAVAILABLE,7",
        "TLS_TRUST,8",
        "CONNECTION_FAILED,9",
        "VIEWER_FAILED,10",
        "SERVER_ERROR,11",
        "USAGE,2",
        "OK,0"
    })
    void exitCodesAreDistinctAndStable(ExitStatus status, int code) {
        assertThat(status.code()).isEqualTo(code);
    }
}
