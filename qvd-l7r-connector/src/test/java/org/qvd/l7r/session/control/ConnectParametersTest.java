package org.qvd.l7r.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectParametersTest {

    @Test
    void idAnywhereAndClientParametersInOrderSent() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("qvd.client.os", "linux");
        q.put("id", "7");
        q.put("custom.x", "1");
        ConnectParameters.Checked c = ConnectParameters.check(q, true);
        assertThat(c.ok()).isTrue();
        assertThat(c.vmId()).isEqualTo(7);
        assertThat(c.clientParameters().keySet()).containsExactly("qvd.client.os", "custom.x");
    }

    @Test
    void missingIdIs422AndForeignPrefixIs403AndNonNumericIdIs404() {
        assertThat(ConnectParameters.check(Map.of("qvd.client.os", "linux"), true)
                        .status())
                .isEqualTo(422);
        assertThat(ConnectParameters.check(Map.of("id", ""), true).status()).isEqualTo(422);
        assertThat(ConnectParameters.check(Map.of("id", "7", "qvd.slave.key", "k"), true)
                        .status())
                .isEqualTo(403);
        assertThat(ConnectParameters.check(Map.of("id", "seven"), true).status())
                .isEqualTo(404);
    }
}
