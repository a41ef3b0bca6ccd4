package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation CA and the server certificate it signs, issued with the JDK's keytool into a fresh home. */
class InstallationCaTest {

    @TempDir
    Path home;

    @Test
    void issuesATenYearCaAndAServerCertificateItSignsWithTheNamesAsked() throws Exception {
        LauncherConfig config = LauncherConfig.fromEnvironment(
                Map.of("QVD_HOME", home.toString(), "QVD_HKD_HOST_NAME", "node1", "QVD_TLS_HOSTNAME", "vdi.example"));
        Path serverStore = home.resolve("wildfly/server.p12");

        InstallationCa.ensureServerCertificate(config, serverStore, "secret", List.of("dns:extra.example"));

        X509Certificate ca = certificate(home.resolve("tls/ca.p12"), loadProperty("ca.password"), "qvd-ca");
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=QVD installation CA node1");
        assertThat(ca.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
        assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(days(ca)).isEqualTo(3650);
        X509Certificate server = certificate(serverStore, "secret", "server");
        assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=vdi.example");
        assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(days(server)).isEqualTo(825);
        assertThat(certificate(serverStore, "secret", "qvd-ca"))
                .as("the CA beside the server's key")
                .isEqualTo(ca);
        assertThat(server.getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .contains((Object) "vdi.example", "localhost", "node1", "extra.example", "127.0.0.1");
        assertThat(Files.readString(InstallationCa.caCertificate(config))).startsWith("-----BEGIN CERTIFICATE-----");
    }

    private String loadProperty(String key) throws Exception {
        return HkdAccount.load(home.resolve("tls/ca.properties")).getProperty(key);
    }

    private static X509Certificate certificate(Path store, String password, String alias) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        return (X509Certificate) keys.getCertificate(alias);
    }

    private static long days(X509Certificate c) {
        return Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant())
                .toDays();
    }
}
