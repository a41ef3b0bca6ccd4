package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the run command connects single sign-on, and what it refuses before starting anything. */
class OidcSetupTest {

    @Test
    void noProviderUrlMeansNoSingleSignOn() {
        assertThat(OidcSetup.fromEnvironment(Map.of())).isEmpty();
        assertThat(OidcSetup.fromEnvironment(Map.of("QVD_OIDC_PROVIDER_URL", " ")))
                .isEmpty();
    }

    @Test
    void aProviderWithoutTheClientSecretIsRefusedWithTheReason() {
        assertThatThrownBy(() -> OidcSetup.fromEnvironment(Map.of("QVD_OIDC_PROVIDER_URL", "https://idp/realms/a")))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("QVD_OIDC_CLIENT_SECRET");
    }

    @Test
    void theClientIdDefaultsToQvdAndTheSecretIsNeverPrinted() {
        OidcSetup s = OidcSetup.fromEnvironment(Map.of(
                        "QVD_OIDC_PROVIDER_URL", "https://idp/realms/a", "QVD_OIDC_CLIENT_SECRET", "s3cr3t-value"))
                .orElseThrow();
        assertThat(s.clientId()).isEqualTo("qvd");
        assertThat(s.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void aValueWithQuotesStaysOneCliValue() {
        assertThat(OidcSetup.property("qvd.oidc.client-secret", "a\"b\\c"))
                .isEqualTo("/system-property=qvd.oidc.client-secret:add(value=\"a\\\"b\\\\c\")");
    }
}
