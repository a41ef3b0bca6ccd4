package org.qvd.l7r.session.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.qvd.testsupport.L7rWire;

/**
 * PROXY protocol v2 (HAProxy {@code send-proxy-v2}), byte for byte as its specification lays it out, and the
 * trusted-balancer list: only 127.0.0.3 (the "balancer") may name the client; any other peer is a client itself.
 */
class ProxyProtocolV2WithStandInBackendTest extends StandInBackendFixture {

    static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    static final InetSocketAddress BALANCER = new InetSocketAddress("127.0.0.3", 0);

    @Override
    void customize() {
        settings.put("proxy-protocol", "true");
        settings.put("proxy-trusted", "10.99.0.0/16, 127.0.0.3");
    }

    /** A v2 header: PROXY (or LOCAL) command, TCP over IPv4/IPv6, then addresses, ports and the given TLV bytes. */
    static byte[] v2(boolean proxy, String source, String destination, int sourcePort, byte[] tlvs) throws Exception {
        byte[] src = InetAddress.getByName(source).getAddress();
        byte[] dst = InetAddress.getByName(destination).getAddress();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(src);
        body.write(dst);
        body.write(sourcePort >> 8);
        body.write(sourcePort & 0xff);
        body.write(8443 >> 8);
        body.write(8443 & 0xff);
        body.write(tlvs);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(SIGNATURE);
        header.write(proxy ? 0x21 : 0x20);
        header.write(src.length == 4 ? 0x11 : 0x21);
        header.write(body.size() >> 8);
        header.write(body.size() & 0xff);
        body.writeTo(header);
        return header.toByteArray();
    }

    private int list(byte[] header, InetSocketAddress from) throws Exception {
        try (L7rWire c = RawClient.withHeader(address, header, from)) {
            return c.send(perlList(ALICE_BASIC)).read().status();
        }
    }

    @Test
    void theBackendSeesTheIpv4ClientOfAV2HeaderWithTlvs() throws Exception {
        byte[] uniqueIdTlv = {0x05, 0x00, 0x04, 'a', 'b', 'c', 'd'}; // PP2_TYPE_UNIQUE_ID, skipped
        assertThat(list(v2(true, "203.0.113.7", "10.0.0.1", 50123, uniqueIdTlv), BALANCER))
                .isEqualTo(200);
        assertThat(backend.authSources).containsExactly(InetAddress.getByName("203.0.113.7"));
    }

    @Test
    void theBackendSeesTheIpv6ClientOfAV2Header() throws Exception {
        assertThat(list(v2(true, "2001:db8::5", "2001:db8::1", 443, new byte[0]), BALANCER))
                .isEqualTo(200);
        assertThat(backend.authSources).containsExactly(InetAddress.getByName("2001:db8::5"));
    }

    @Test
    void aV2LocalHeaderKeepsTheBalancersAddress() throws Exception {
        assertThat(list(v2(false, "203.0.113.8", "10.0.0.1", 1, new byte[0]), BALANCER))
                .isEqualTo(200);
        assertThat(backend.authSources).containsExactly(InetAddress.getByName("127.0.0.3"));
    }

    @Test
    void aV1LineFromTheTrustedBalancerStillWorks() throws Exception {
        try (L7rWire c = RawClient.to(address, "PROXY TCP4 198.51.100.4 10.0.0.1 5555 8443\r\n", BALANCER)) {
            assertThat(c.send(perlList(ALICE_BASIC)).read().status()).isEqualTo(200);
        }
        assertThat(backend.authSources).containsExactly(InetAddress.getByName("198.51.100.4"));
    }

    @Test
    void aPeerNotInTheTrustedListIsAClientItselfAndCannotClaimAnotherAddress() throws Exception {
        InetSocketAddress direct = new InetSocketAddress("127.0.0.2", 0);
        assertThat(list(null, direct)).as("served directly, without a header").isEqualTo(200);
        assertThat(backend.authSources).containsExactly(InetAddress.getByName("127.0.0.2"));
        assertThatThrownBy(() -> list(v2(true, "203.0.113.66", "10.0.0.1", 1, new byte[0]), direct))
                .as("its header is no TLS: the connection fails")
                .isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> {
                    try (L7rWire c = RawClient.to(address, "PROXY TCP4 203.0.113.66 10.0.0.1 1 8443\r\n", direct)) {
                        c.send(perlList(ALICE_BASIC)).read();
                    }
                })
                .isInstanceOf(java.io.IOException.class);
        assertThat(backend.authSources).doesNotContain(InetAddress.getByName("203.0.113.66"));
    }

    @Test
    void aTruncatedOrForeignV2HeaderFromTheBalancerIsClosed() throws Exception {
        byte[] bad = v2(true, "203.0.113.9", "10.0.0.1", 1, new byte[0]);
        bad[12] = 0x31; // version 3
        assertThatThrownBy(() -> list(bad, BALANCER)).isInstanceOf(java.io.IOException.class);
        assertThat(backend.authSources).isEmpty();
    }
}
