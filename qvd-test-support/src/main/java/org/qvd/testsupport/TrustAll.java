package org.qvd.testsupport;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The tests' one TLS context that accepts any server certificate: the system under test presents a self-signed
 * certificate generated at its first start, and these tests prove what the server answers, not who it is (tests
 * that check the certificate build a context from the installation's CA instead).
 */
public final class TrustAll {

    private TrustAll() {}

    /** A TLS client context that trusts every server. */
    public static SSLContext context() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new AcceptAny()}, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    /** An HTTP client over {@link #context()}. */
    public static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .sslContext(context())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static final class AcceptAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // a test client: no client certificates to judge
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // any server: see the class comment
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
