package org.qvd.client.trust.control;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.qvd.client.trust.entity.Fingerprint;
import org.qvd.client.trust.entity.ServerAddress;

/** Trusts the server's leaf certificate by its pinned fingerprint instead of a CA chain. */
final class PinningTrustManager extends X509ExtendedTrustManager {

    private final ServerAddress server;
    private final FirstUsePolicy policy;

    PinningTrustManager(ServerAddress server, FirstUsePolicy policy) {
        this.server = server;
        this.policy = policy;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new ServerTrustRefusedException("The server sent no certificate.");
        }
        policy.verify(server, Fingerprint.of(chain[0]));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
