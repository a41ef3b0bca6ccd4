package org.qvd.client.trust.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void defaultsToQvdPort8443() {
        assertThat(ServerAddress.parse("qvd.example.com")).isEqualTo(new ServerAddress("qvd.example.com", 8443));
    }

    @Test
    void readsAnExplicitPortAndIpv6Literals() {
        assertThat(ServerAddress.parse("10.0.0.5:9000")).isEqualTo(new ServerAddress("10.0.0.5", 9000));
        assertThat(ServerAddress.parse("[::1]:8443").key()).isEqualTo("[::1]:8443");
        assertThat(ServerAddress.parse("[fe80::1]")).isEqualTo(new ServerAddress("fe80::1", 8443));
    }

    @Test
    void refusesBadPorts() {
        assertThatThrownBy(() -> ServerAddress.parse("host:http")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerAddress.parse("host:70000")).isInstanceOf(IllegalArgumentException.class);
    }
}
