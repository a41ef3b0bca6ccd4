package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.L7rWire;

/** Behind a TCP load balancer ({@code proxy-protocol=true}) the client's address comes from the PROXY v1 line. */
class ProxyProtocolWithStandInBackendTest extends StandInBackendFixture {

    @Override
    void customize() {
        settings.put("proxy-protocol", "true");
    }

    @Test
    void theBackendSeesTheAddressFromTheProxyLine() throws Exception {
        try (L7rWire c = RawClient.to(address, "PROXY TCP4 203.0.113.9 10.0.0.1 5555 8443\r\n")) {
            assertThat(c.send(perlList(ALICE_BASIC)).read().status()).isEqualTo(200);
        }
        assertThat(backend.authSources).containsExactly(InetAddress.getByName("203.0.113.9"));
    }

    @Test
    void balancerHealthChecksWithProxyUnknownAreServed() throws Exception {
        try (L7rWire c = RawClient.to(address, "PROXY UNKNOWN\r\n")) {
            assertThat(c.send("GET /qvd/ping HTTP/1.1\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void aConnectionWithoutProxyLineIsRefused() {
        assertThatThrownBy(() -> {
                    try (L7rWire c = client()) {
                        c.send("GET /qvd/ping HTTP/1.1\r\n\r\n").read();
                    }
                })
                .isInstanceOf(java.io.IOException.class);
    }
}
