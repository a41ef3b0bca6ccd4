package org.qvd.system.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qvd.launcher.QvdSystem;
import org.qvd.system.platform.RunningSystem;
import org.qvd.testsupport.TrustAll;

@ExtendWith(RunningSystem.class)
class ServerStartIT {

    @Test
    void servesHttpsWithAGeneratedCertificateAndModernTls(QvdSystem system) throws Exception {
        try (SSLSocket socket =
                (SSLSocket) TrustAll.context().getSocketFactory().createSocket("localhost", system.httpsPort())) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            X509Certificate cert = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(cert.getSubjectX500Principal().getName()).contains("CN=localhost");
        }
        assertThat(Files.size(system.config().home().resolve("wildfly/configuration/qvd-tls.p12")))
                .as("the generated keystore is kept in QVD_HOME")
                .isPositive();
    }

    @Test
    void readinessReportsTheApplicationDeployed(QvdSystem system) throws Exception {
        HttpResponse<String> ready = TrustAll.httpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + system.managementPort() + "/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"qvd.ear\":\"OK\"");
    }

    @Test
    void firstStartCreatesTheSuperadminWithAHashedPassword(QvdSystem system) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        system.dbUrl(), system.dbSuperuser(), system.dbSuperuserPassword());
                PreparedStatement ps = c.prepareStatement(
                        "SELECT a.password_hash FROM administrator a JOIN tenant t ON t.id = a.tenant_id "
                                + "WHERE a.name = 'superadmin' AND t.name = '*'");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("superadmin@* exists").isTrue();
            String hash = rs.getString(1);
            assertThat(hash).startsWith("$2").doesNotContain(RunningSystem.SUPERADMIN_PASSWORD);
        }
    }
}
