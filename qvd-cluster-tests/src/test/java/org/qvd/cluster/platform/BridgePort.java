package org.qvd.cluster.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;

/**
 * What a node's Artemis cluster-bridge port (5445 + offset, docs/cluster.md "Messaging") answers to a peer that is not a
 * node: a TLS client that trusts the installation CA but has no certificate of its own.
 */
public final class BridgePort {

    /**
     * The outcome of a TLS attempt without a client certificate.
     *
     * @param serverChain the certificates the port presented, validated against the installation CA (null: none)
     * @param refusal     how the port refused the peer (null: it did not)
     */
    public record TlsAttempt(X509Certificate[] serverChain, String refusal) {
        public boolean serverIssuedByCa() {
            return serverChain != null && serverChain.length > 0;
        }
    }

    private BridgePort() {}

    /**
     * Connects over TLS trusting only the installation CA (a chain is recorded only once it validated against that
     * CA), presents no certificate and sends a few bytes: the node must refuse (its acceptor requires a node's
     * certificate). TLS 1.3 brings that refusal after the client's side of the handshake, at the first read.
     */
    public static TlsAttempt tlsWithoutCertificate(Path caPem, int port) throws IOException {
        RecordingTrust trust = new RecordingTrust(caPem);
        try (SSLSocket tls = (SSLSocket) trust.context().getSocketFactory().createSocket()) {
            tls.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            tls.setSoTimeout(10_000);
            try {
                tls.startHandshake();
                tls.getOutputStream().write("ARTEMIS".getBytes(StandardCharsets.US_ASCII));
                tls.getOutputStream().flush();
                int read = tls.getInputStream().read();
                return new TlsAttempt(trust.validated, read < 0 ? "closed without a word" : null);
            } catch (IOException refused) {
                return new TlsAttempt(trust.validated, String.valueOf(refused.getMessage()));
            }
        }
    }

    /** Trusts the installation CA only, and keeps the server chain it validated. */
    private static final class RecordingTrust implements X509TrustManager {
        private final X509TrustManager ca;
        volatile X509Certificate[] validated;

        RecordingTrust(Path caPem) {
            ca = Admin.caTrust(caPem);
        }

        SSLContext context() {
            return Admin.trusting(this);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            ca.checkServerTrusted(chain, authType);
            validated = chain.clone();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return ca.getAcceptedIssuers();
        }
    }
}
