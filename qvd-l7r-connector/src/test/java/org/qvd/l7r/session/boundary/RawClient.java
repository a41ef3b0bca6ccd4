package org.qvd.l7r.session.boundary;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.qvd.testsupport.L7rWire;

/**
 * Raw QVD client connections ({@link L7rWire}: exact request bytes, responses byte by byte over real TLS) to the
 * listener under test, with this tier's short timeouts (5 s to connect, 10 s to read).
 */
final class RawClient {

    private RawClient() {}

    static L7rWire to(InetSocketAddress server) throws IOException {
        return to(server, null);
    }

    /** With {@code proxyLine} (e.g. {@code PROXY TCP4 ...\r\n}) sent in clear before TLS, as a TCP balancer does. */
    static L7rWire to(InetSocketAddress server, String proxyLine) throws IOException {
        return options(server).header(proxyLine).open();
    }

    /** From a chosen local address (e.g. 127.0.0.2: another client address on loopback). */
    static L7rWire to(InetSocketAddress server, String proxyLine, InetSocketAddress from) throws IOException {
        return options(server).header(proxyLine).from(from).open();
    }

    /** With a binary header (e.g. PROXY v2; null: none) sent in clear before TLS, from {@code from} (null: any). */
    static L7rWire withHeader(InetSocketAddress server, byte[] header, InetSocketAddress from) throws IOException {
        L7rWire.Options options = options(server).header(header);
        return (from == null ? options : options.from(from)).open();
    }

    private static L7rWire.Options options(InetSocketAddress server) {
        return L7rWire.to(server).connectTimeout(5000).readTimeout(10_000);
    }
}
