package org.qvd.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a REST client sees of its bearer token: it works until it expires, and no edit of it is accepted. */
class BearerTokensTest {

    private static BearerTokens tokens(String secret, long ttlSeconds) {
        BearerTokens tokens = new BearerTokens();
        tokens.secret = Optional.ofNullable(secret);
        tokens.ttlSeconds = ttlSeconds;
        return tokens;
    }

    @Test
    void anIssuedTokenNamesItsAdministratorUntilItExpires() {
        BearerTokens tokens = tokens("cluster-secret", 3600);
        Instant before = Instant.now();
        BearerTokens.Issued issued = tokens.issue("admin@tenant");

        assertThat(issued.principal()).isEqualTo("admin@tenant");
        assertThat(issued.expiresAt())
                .isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3601));
        BearerTokens.Verified verified = tokens.verify(issued.token()).orElseThrow();
        assertThat(verified.principal()).isEqualTo("admin@tenant");
        assertThat(verified.issuedAt())
                .isBetween(before.minusMillis(1), Instant.now().plusMillis(1));
    }

    @Test
    void anExpiredTokenIsRefused() {
        BearerTokens tokens = tokens("cluster-secret", -1);
        assertThat(tokens.verify(tokens.issue("admin").token())).isEmpty();
    }

    @Test
    void aTokenWhosePrincipalOrExpiryWasEditedIsRefused() {
        BearerTokens tokens = tokens("cluster-secret", 60);
        String token = tokens.issue("mallory").token();
        String body = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String[] parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\\|");

        String otherPrincipal = String.join("|", "superadmin", parts[1], parts[2], parts[3]);
        String laterExpiry =
                String.join("|", parts[0], String.valueOf(Long.parseLong(parts[1]) + 86_400), parts[2], parts[3]);
        for (String forged : new String[] {otherPrincipal, laterExpiry}) {
            String forgedBody =
                    Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8));
            assertThat(tokens.verify(forgedBody + "." + signature)).as(forged).isEmpty();
        }
    }

    @Test
    void aSignatureChangedInOneCharacterIsRefused() {
        BearerTokens tokens = tokens("cluster-secret", 60);
        String token = tokens.issue("admin").token();
        // not the last character: of a 32-byte signature in 43 base64url characters, its two lowest bits carry no data
        // (A and B decode alike there), so changing it may leave the signature's bytes as they were
        int at = token.length() - 5;
        char c = token.charAt(at);
        String flipped = token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThat(tokens.verify(flipped)).isEmpty();
    }

    @Test
    void nodesSharingTheSecretAcceptEachOthersTokensAndOtherKeysDoNot() {
        String token = tokens("cluster-secret", 60).issue("admin").token();
        assertThat(tokens("cluster-secret", 60).verify(token))
                .map(BearerTokens.Verified::principal)
                .contains("admin");
        assertThat(tokens("another-secret", 60).verify(token)).isEmpty();
        // without a configured secret each process has a random key: its tokens die with it
        assertThat(tokens(null, 60).verify(token)).isEmpty();
        BearerTokens unconfigured = tokens(null, 60);
        assertThat(unconfigured.verify(unconfigured.issue("admin").token())).isPresent();
    }

    @Test
    void garbageIsRefusedWithoutAnError() {
        BearerTokens tokens = tokens("cluster-secret", 60);
        for (String garbage : new String[] {"", ".", "abc", ".sig", "abc.", "a.b.c", "!!!.???", "YWJj.YWJj"}) {
            assertThat(tokens.verify(garbage)).as(garbage).isEmpty();
        }
    }
}
