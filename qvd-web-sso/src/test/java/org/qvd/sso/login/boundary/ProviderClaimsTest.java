package org.qvd.sso.login.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.qvd.vmas.identity.boundary.SsoIdentity;

/** The claims of a verified token as the role mappings see them: lists stay lists, nested claims get dotted names. */
class ProviderClaimsTest {

    private static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void groupsStayAListStringsBecomeOneAndNestedClaimsAreDotted() {
        ProviderClaims claims =
                ProviderClaims.of(jwt("{\"iss\":\"https://idp/realms/acme\",\"sub\":\"42\",\"exp\":1900000000,"
                        + "\"groups\":[\"qvd-operators\",\"staff\"],\"email\":\"alice@acme.test\","
                        + "\"realm_access\":{\"roles\":[\"vdi-admin\"]},\"email_verified\":true,\"nothing\":null}"));
        SsoIdentity identity = claims.identity("alice");
        assertThat(identity.issuer()).isEqualTo("https://idp/realms/acme");
        assertThat(identity.subject()).isEqualTo("42");
        assertThat(identity.username()).isEqualTo("alice");
        assertThat(identity.holds("groups", "staff")).isTrue();
        assertThat(identity.holds("groups", "qvd")).as("whole values only").isFalse();
        assertThat(identity.holds("realm_access.roles", "vdi-admin")).isTrue();
        assertThat(identity.holds("email_verified", "true")).isTrue();
        assertThat(identity.claims()).doesNotContainKey("nothing");
        assertThat(claims.expiry()).isEqualTo(Instant.ofEpochSecond(1900000000));
    }

    @Test
    void somethingThatIsNoJwtIsRefused() {
        assertThatThrownBy(() -> ProviderClaims.of("not-a-token")).isInstanceOf(IllegalArgumentException.class);
    }
}
