package org.qvd.vmas.directory.control;

import com.unboundid.util.ssl.SSLUtil;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Whom a directory's TLS certificate must chain to: the PEM certificates of its settings, else the JVM's CAs. */
final class TlsTrust {

    private TlsTrust() {}

    static SSLContext context(String caPem) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(caPem == null || caPem.isBlank() ? null : keyStore(caPem));
        return new SSLUtil(tmf.getTrustManagers()).createSSLContext();
    }

    /** The certificates of a PEM text; refused when it holds none. */
    static Collection<? extends Certificate> certificates(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certs.isEmpty()) {
            throw new GeneralSecurityException("no certificate in the PEM text");
        }
        return certs;
    }

    private static KeyStore keyStore(String pem) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates(pem)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            return store;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
