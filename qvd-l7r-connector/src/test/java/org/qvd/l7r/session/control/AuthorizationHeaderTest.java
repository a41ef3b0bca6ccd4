package org.qvd.l7r.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.qvd.l7r.session.entity.Credentials;
import org.qvd.l7r.session.entity.Login;

class AuthorizationHeaderTest {

    @Test
    void basicKeepsColonsInsideThePassword() {
        Credentials c =
                AuthorizationHeader.parse("Basic YWxpY2U6czNjcjp0", "default").orElseThrow();
        assertThat(c).isEqualTo(new Credentials.Password(new Login("alice", "default"), "s3cr:t"));
    }

    @Test
    void loginTenantIsTheLastAtOrHash() {
        assertThat(password("bob@example.com@acme:pw").login()).isEqualTo(new Login("bob@example.com", "acme"));
        assertThat(password("bob#acme:pw").login()).isEqualTo(new Login("bob", "acme"));
        assertThat(password("bob:pw").login()).isEqualTo(new Login("bob", "default"));
    }

    @Test
    void bearerOffersTheDecodedTokenFirstThenTheRawValue() {
        Credentials.Token t = (Credentials.Token)
                AuthorizationHeader.parse("Bearer dG9rLTEyMw==", "d").orElseThrow();
        assertThat(t.candidates()).containsExactly("tok-123", "dG9rLTEyMw==");
        Credentials.Token raw = (Credentials.Token)
                AuthorizationHeader.parse("Bearer tok-123", "d").orElseThrow();
        assertThat(raw.candidates()).containsExactly("tok-123");
    }

    @Test
    void bearerAlsoOffersTheTokenUnderTheAuthTokenBase64ThatTheCliEncodedOnceMore() {
        String token = "Zk3pQ9tokenFromCreateAuthToken";
        String authToken = b64(token); // what create_auth_token answers
        Credentials.Token t = (Credentials.Token)
                AuthorizationHeader.parse("Bearer " + b64(authToken), "d").orElseThrow();
        assertThat(t.candidates()).containsExactly(authToken, token, b64(authToken));
    }

    @Test
    void malformedOrOtherSchemesAreNoCredentials() {
        assertThat(AuthorizationHeader.parse(null, "d")).isEmpty();
        assertThat(AuthorizationHeader.parse("Basic !!!", "d")).isEmpty();
        assertThat(AuthorizationHeader.parse("Basic " + b64("nocolon"), "d")).isEmpty();
        assertThat(AuthorizationHeader.parse("Digest abc", "d")).isEmpty();
    }

    @Test
    void credentialsNeverPrintTheirSecret() {
        assertThat(password("alice:hunter2").toString()).doesNotContain("hunter2");
        assertThat(AuthorizationHeader.parse("Bearer tok-123", "d")
                        .orElseThrow()
                        .toString())
                .doesNotContain("tok");
    }

    private static Credentials.Password password(String pair) {
        return (Credentials.Password)
                AuthorizationHeader.parse("Basic " + b64(pair), "default").orElseThrow();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
