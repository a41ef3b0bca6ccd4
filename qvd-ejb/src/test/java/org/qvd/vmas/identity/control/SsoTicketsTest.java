package org.qvd.vmas.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.identity.control.SsoTickets.Kind;

/**
 * Single sign-on tickets are signed with the configured {@code qvd.api.token.secret} (here from the test class path's
 * microprofile-config.properties, read through ServerConfig as in the server), so every node of a cluster accepts
 * the tickets of the others.
 */
class SsoTicketsTest {

    @Test
    void aTicketFromOneNodeIsAcceptedByAnotherWithTheSameConfiguredSecret() {
        assertThat(System.getProperty("qvd.api.token.secret"))
                .as("only MicroProfile Config has it")
                .isNull();
        String ticket = new SsoTickets().issue(Kind.API, "ops@acme", Duration.ofMinutes(5));
        assertThat(new SsoTickets().verify(ticket, Kind.API))
                .hasValueSatisfying(t -> assertThat(t.principal()).isEqualTo("ops@acme"));
    }

    @Test
    void theSignatureIsTheConfiguredSecretsAndNoOther() throws Exception {
        String ticket = new SsoTickets().issue(Kind.API, "ops@acme", Duration.ofMinutes(5));
        String body = ticket.substring(SsoTickets.PREFIX.length(), ticket.indexOf('.', SsoTickets.PREFIX.length()));
        assertThat(ticket).endsWith("." + sign(body, "test-cluster-token-secret"));
        String forged = SsoTickets.PREFIX + body + "." + sign(body, "another-secret");
        assertThat(new SsoTickets().verify(forged, Kind.API)).isEmpty();
    }

    @Test
    void aLoginTicketWorksOnce() {
        SsoTickets node = new SsoTickets();
        String ticket = node.issue(Kind.LOGIN, "ops@acme", SsoTickets.LOGIN_TTL);
        assertThat(node.verify(ticket, Kind.API)).as("not an API token").isEmpty();
        assertThat(node.verify(ticket, Kind.LOGIN)).isPresent();
        assertThat(node.verify(ticket, Kind.LOGIN)).as("the second use").isEmpty();
    }

    private static String sign(String body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("qvd-sso-ticket|".getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    }
}
