package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.L7rWire;

/**
 * {@code create_auth_token} and Bearer logins with its token, over real TLS to a real listener; the VMAS (which keeps
 * the tokens' hashes) is the in-memory stand-in, hence the name.
 */
class UserTokensWithStandInBackendTest extends StandInBackendFixture {

    private static final Pattern ANSWER = Pattern.compile("\\{\"auth_params_id\":(\\d+),\"auth_token\":\"([^\"]+)\"}");

    @Override
    void customize() {
        settings.put("token-validity", "3600");
    }

    @Test
    void createAuthTokenAnswersQvdsJsonWithTheTokenInBase64() throws Exception {
        try (L7rWire c = client()) {
            L7rWire.Response r =
                    c.send(request("create_auth_token", ALICE_BASIC)).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.exactHeader("Content-Type")).isEqualTo("application/json");
            Matcher m = ANSWER.matcher(r.body());
            assertThat(m.matches()).as(r.body()).isTrue();
            assertThat(decode(m.group(2))).isEqualTo("tok1x1");
        }
        assertThat(backend.issuedValidities).containsExactly(Duration.ofHours(1));
    }

    @Test
    void theTokenLogsInAsThePerlCliAndTheGuiSendIt() throws Exception {
        String authToken = createToken();
        String token = decode(authToken);
        try (L7rWire c = client()) {
            assertThat(c.send(perlList("Bearer " + authToken)).read().body())
                    .as("CLI: base64(token)")
                    .contains("\"desk\"");
        }
        try (L7rWire c = client()) {
            assertThat(c.send(perlList("Bearer " + token)).read().body())
                    .as("GUI: the token")
                    .contains("\"desk\"");
        }
        try (L7rWire c = client()) {
            List<L7rWire.Response> answers =
                    c.send(perlConnect("Bearer " + authToken, "7")).readUntilFinal();
            assertThat(answers.get(answers.size() - 1).status())
                    .as("connect_to_vm")
                    .isEqualTo(101);
        }
    }

    @Test
    void anUnknownTokenGets401WithTheRealm() throws Exception {
        createToken();
        try (L7rWire c = client()) {
            L7rWire.Response r =
                    c.send(perlList("Bearer " + b64("not-a-token"))).read();
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.exactHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"QVD\"");
        }
    }

    @Test
    void aTokenCannotCreateAnotherToken() throws Exception {
        String authToken = createToken();
        try (L7rWire c = client()) {
            assertThat(c.send(request("create_auth_token", "Bearer " + authToken))
                            .read()
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    void createAuthTokenWithoutCredentialsGets401() throws Exception {
        try (L7rWire c = client()) {
            assertThat(c.send("GET /qvd/create_auth_token HTTP/1.1\r\n\r\n")
                            .read()
                            .status())
                    .isEqualTo(401);
        }
    }

    private String createToken() throws Exception {
        try (L7rWire c = client()) {
            Matcher m = ANSWER.matcher(
                    c.send(request("create_auth_token", ALICE_BASIC)).read().body());
            assertThat(m.matches()).isTrue();
            return m.group(2);
        }
    }

    private static String request(String what, String authorization) {
        return "GET /qvd/" + what + " HTTP/1.1\r\nAuthorization: " + authorization + "\r\n\r\n";
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
