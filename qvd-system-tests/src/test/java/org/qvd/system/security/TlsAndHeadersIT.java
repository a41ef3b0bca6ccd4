package org.qvd.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;

/**
 * Issue 12, "TLS and HTTP", as a client sees it: both TLS ports (9443 WAT/API/broker, 8443 L7R) present a certificate
 * issued by the installation's CA with subjectAltName (so host name checks pass for localhost and 127.0.0.1), offer
 * TLS 1.3 and 1.2 with forward-secret AEAD suites only, and the WAT and the API send the browser hardening headers
 * and a SameSite session cookie.
 */
@ExtendWith(RunningSystem.class)
class TlsAndHeadersIT {

    private static final List<String> HARDENING = List.of(
            "strict-transport-security",
            "content-security-policy",
            "x-frame-options",
            "x-content-type-options",
            "referrer-policy");

    @Test
    void bothPortsPresentACertificateOfTheInstallationCaWithSubjectAltNames(QvdSystem system) throws Exception {
        for (int port : ports(system)) {
            for (String host : List.of("localhost", "127.0.0.1")) {
                try (SSLSocket socket = socket(system, host, port, null, null)) {
                    X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                    assertThat(leaf.getSubjectAlternativeNames())
                            .as("SAN on %s", port)
                            .isNotNull();
                    assertThat(leaf.getSubjectAlternativeNames().stream()
                                    .map(e -> String.valueOf(e.get(1)))
                                    .toList())
                            .contains("localhost", "127.0.0.1");
                    assertThat(leaf.getPublicKey()).isInstanceOf(ECPublicKey.class);
                    assertThat(((ECPublicKey) leaf.getPublicKey())
                                    .getParams()
                                    .getCurve()
                                    .getField()
                                    .getFieldSize())
                            .isEqualTo(256);
                    assertThat(leaf.getIssuerX500Principal()).isNotEqualTo(leaf.getSubjectX500Principal());
                }
            }
        }
    }

    @Test
    void onlyTls13AndForwardSecretAeadSuitesOfTls12AreOffered(QvdSystem system) throws Exception {
        for (int port : ports(system)) {
            try (SSLSocket s = socket(system, "localhost", port, "TLSv1.3", null)) {
                assertThat(s.getSession().getProtocol())
                        .as("TLS 1.3 on %s", port)
                        .isEqualTo("TLSv1.3");
            }
            try (SSLSocket s =
                    socket(system, "localhost", port, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")) {
                assertThat(s.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
            }
            // CBC suites (with SHA-2 and SHA-1 MACs) were offered before; the JDK's client still enables them
            for (String weak :
                    List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA")) {
                assertThatThrownBy(() -> socket(system, "localhost", port, "TLSv1.2", weak)
                                .close())
                        .as("%s refused on %s", weak, port)
                        .isInstanceOf(SSLHandshakeException.class);
            }
        }
    }

    @Test
    void theWatAndTheApiSendTheHardeningHeadersAndAStrictSessionCookie(QvdSystem system) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(trustingTheCa(system))
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = "https://localhost:" + system.httpsPort();
        for (String path : List.of("/wat/", "/api/v1/vms")) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            for (String header : HARDENING) {
                assertThat(r.headers().firstValue(header))
                        .as("%s on %s (status %s)", header, path, r.statusCode())
                        .isPresent();
            }
            assertThat(r.headers().firstValue("x-frame-options")).hasValue("DENY");
            assertThat(r.headers().firstValue("content-security-policy").orElseThrow())
                    .contains("frame-ancestors 'none'");
        }
        HttpResponse<String> wat = http.send(
                HttpRequest.newBuilder(URI.create(base + "/wat/")).build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = wat.headers().allValues("set-cookie");
        assertThat(cookies)
                .as("the WAT's session cookie")
                .anySatisfy(c -> assertThat(c)
                        .startsWith("JSESSIONID=")
                        .containsIgnoringCase("SameSite=Strict")
                        .containsIgnoringCase("Secure")
                        .containsIgnoringCase("HttpOnly"));
    }

    /**
     * The OpenAPI document is public, so any origin may read it, but never with the reader's credentials: a wildcard
     * origin together with {@code Access-Control-Allow-Credentials: true} (what WildFly's handler sends) is refused.
     */
    @Test
    void theOpenApiDocumentIsPublicButNeverSharedWithCredentials(QvdSystem system) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(trustingTheCa(system))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String base = "https://localhost:" + system.httpsPort();
        for (String path : List.of("/openapi", "/openapi?format=JSON")) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Origin", "https://attacker.example")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s", path).isEqualTo(200);
            assertThat(r.body()).as("the document itself").contains("openapi").contains("/v1/vms");
            assertThat(r.headers().firstValue("access-control-allow-credentials"))
                    .as("credentials on %s", path)
                    .isEmpty();
            r.headers()
                    .firstValue("access-control-allow-origin")
                    .ifPresent(origin -> assertThat(origin)
                            .as("a wildcard origin goes only without credentials")
                            .isEqualTo("*"));
        }
        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(URI.create(base + "/openapi"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://attacker.example")
                        .header("Access-Control-Request-Method", "GET")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("access-control-allow-credentials"))
                .as("preflight")
                .isEmpty();
    }

    private static List<Integer> ports(QvdSystem system) {
        return List.of(system.httpsPort(), system.l7rPort());
    }

    /** A completed handshake with host name verification, optionally restricted to one protocol and one suite. */
    private static SSLSocket socket(QvdSystem system, String host, int port, String protocol, String suite)
            throws Exception {
        SSLSocket socket = (SSLSocket) trustingTheCa(system).getSocketFactory().createSocket(host, port);
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (protocol != null) {
            parameters.setProtocols(new String[] {protocol});
        }
        if (suite != null) {
            parameters.setCipherSuites(new String[] {suite});
        }
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake();
        } catch (Exception e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /** Trusts the installation CA alone ({@code QVD_HOME/tls/ca.pem}), as a client given that file would. */
    private static SSLContext trustingTheCa(QvdSystem system) throws Exception {
        Path ca = system.config().home().resolve("tls/ca.pem");
        assertThat(ca).exists();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(ca)) {
            trust.setCertificateEntry(
                    "qvd-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
