package org.qvd.l7r.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/** Server TLS for the L7R: a PKCS12 key store, TLS 1.3 and 1.2 only. */
public final class TlsContexts {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /**
     * Forward-secret AEAD suites only (TLS 1.3's, and ECDHE with GCM or ChaCha20 on 1.2): no static RSA key
     * exchange, no CBC, no SHA-1 MAC. The same list as WildFly's HTTPS listener (configure.cli).
     */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsContexts() {}

    public static SSLContext fromPkcs12(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** A server-side engine restricted to TLS 1.2+ (no client certificate is asked for, as in QVD's default). */
    public static SSLEngine serverEngine(SSLContext ctx) {
        SSLEngine engine = ctx.createSSLEngine();
        engine.setUseClientMode(false);
        String[] supported = engine.getSupportedProtocols();
        engine.setEnabledProtocols(Arrays.stream(PROTOCOLS)
                .filter(p -> Arrays.asList(supported).contains(p))
                .toArray(String[]::new));
        List<String> suites = Arrays.asList(engine.getSupportedCipherSuites());
        engine.setEnabledCipherSuites(
                CIPHER_SUITES.stream().filter(suites::contains).toArray(String[]::new));
        return engine;
    }
}
