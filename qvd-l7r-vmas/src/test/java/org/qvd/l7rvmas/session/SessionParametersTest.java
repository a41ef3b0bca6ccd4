package org.qvd.l7rvmas.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionParametersTest {

    @Test
    void propertiesOverrideClientAndServerDecidesUserCookieAndKey() {
        Map<String, String> client = new LinkedHashMap<>();
        client.put("qvd.client.link", "adsl");
        client.put("qvd.client.geometry", "1024x768");
        client.put("qvd.client.nx.cookie", "0123456789abcdef0123456789abcdef");
        Map<String, String> merged = SessionParameters.forVma(
                client, Map.of("qvd.client.link", "lan", "qvd.vm.user.name", "root"), "alice@acme", "K".repeat(64));

        assertThat(merged)
                .containsEntry("qvd.client.link", "lan")
                .containsEntry("qvd.client.geometry", "1024x768")
                .containsEntry("qvd.vm.user.name", "alice")
                .containsEntry("qvd.nx.cookie", "0123456789abcdef0123456789abcdef")
                .containsEntry("qvd.slave.key", "K".repeat(64))
                .doesNotContainKey("qvd.client.nx.cookie");
    }

    @Test
    void legacyClientWithoutCookieSendsNone() {
        Map<String, String> merged = SessionParameters.forVma(Map.of("qvd.client.os", "linux"), Map.of(), "bob@x", "k");
        assertThat(merged).doesNotContainKey("qvd.nx.cookie");
    }

    @Test
    void userNameIsTheLoginWithoutItsTenant() {
        assertThat(SessionParameters.unixUserName("bob@example.com@acme")).isEqualTo("bob@example.com");
        assertThat(SessionParameters.unixUserName("carol")).isEqualTo("carol");
    }

    @Test
    void slaveKeyIs64RandomAlphanumerics() {
        SecureRandom random = new SecureRandom();
        String a = SessionParameters.newSlaveKey(random);
        assertThat(a).hasSize(64).matches("[A-Za-z0-9]{64}");
        assertThat(SessionParameters.newSlaveKey(random)).isNotEqualTo(a);
    }

    @Test
    void readsStateAndMessageOfVmaAnswers() {
        assertThat(SessionParameters.stateOf("{\"state\":\"listening\",\"resumed\":true}"))
                .isEqualTo("listening");
        assertThat(SessionParameters.stateOf("{\"error\":\"busy\",\"state\" : \"suspending\"}"))
                .isEqualTo("suspending");
        assertThat(SessionParameters.stateOf("{}")).isNull();
        assertThat(SessionParameters.messageOf("{\"error\":\"invalid_parameter\",\"message\":\"bad \\\"x\\\"\"}"))
                .isEqualTo("bad \\\"x\\\"");
    }

    /** An older VMA answered {@code "message":"is required"}: the client must still read which parameter. */
    @Test
    void theErrorTextNamesTheParameter() {
        assertThat(SessionParameters.messageOf("{\"error\":\"invalid_parameter\",\"parameter\":\"qvd.nx.cookie\","
                        + "\"message\":\"is required\"}"))
                .isEqualTo("qvd.nx.cookie is required");
        assertThat(SessionParameters.messageOf("{\"error\":\"invalid_parameter\",\"parameter\":\"qvd.vm.user.name\","
                        + "\"message\":\"qvd.vm.user.name is required\"}"))
                .isEqualTo("qvd.vm.user.name is required");
    }
}
