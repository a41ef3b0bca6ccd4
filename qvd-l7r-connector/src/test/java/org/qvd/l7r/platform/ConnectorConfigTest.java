package org.qvd.l7r.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorConfigTest {

    @Test
    void settingsOverrideDefaultsAndDurationsAreSeconds() {
        ConnectorConfig c =
                ConnectorConfig.from(Map.of("port", "18443", "vm-start-timeout", "0.5", "default-tenant", "acme")::get);
        assertThat(c.port()).isEqualTo(18443);
        assertThat(c.vmStartTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.defaultTenant()).isEqualTo("acme");
        assertThat(c.requestTimeout()).isEqualTo(ConnectorConfig.defaults().requestTimeout());
    }

    @Test
    void defaultsAreQvdsPortAndTimeouts() {
        ConnectorConfig d = ConnectorConfig.defaults();
        assertThat(d.port()).isEqualTo(8443);
        assertThat(d.takeoverTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.vmStartTimeout()).isEqualTo(Duration.ofSeconds(270));
    }
}
