package org.qvd.l7r.session.boundary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.qvd.l7r.platform.TlsContexts;

/** A self-signed PKCS12 key store made once (kept in target/) with the JDK's keytool, and contexts over it. */
final class TestTls {

    static final char[] PASSWORD = "test-pass".toCharArray();
    private static Path keystore;

    private TestTls() {}

    static synchronized Path keystore() throws Exception {
        if (keystore == null) {
            Path dir = Files.createDirectories(Path.of("target", "test-tls"));
            Path file = dir.resolve("l7r-test.p12");
            if (Files.exists(file)) { // made by an earlier run (mvn clean removes it)
                keystore = file;
                return file;
            }
            Process p = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "l7r",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-validity",
                            "3650",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            file.toString(),
                            "-storepass",
                            new String(PASSWORD),
                            "-dname",
                            "CN=localhost"))
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed");
            }
            keystore = file;
        }
        return keystore;
    }

    static SSLContext server() throws Exception {
        return TlsContexts.fromPkcs12(keystore(), PASSWORD);
    }
}
