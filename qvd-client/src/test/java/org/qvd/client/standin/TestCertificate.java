package org.qvd.client.standin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A self-signed server certificate for 127.0.0.1/localhost, made with the JDK's keytool. */
public final class TestCertificate {

    static final char[] PASSWORD = "changeit".toCharArray();

    private final Path keystore;
    private final Path pem;

    private TestCertificate(Path keystore, Path pem) {
        this.keystore = keystore;
        this.pem = pem;
    }

    public static TestCertificate create(Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keystore = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(
                keytool,
                "-genkeypair",
                "-alias",
                "l7r",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD)));
        run(List.of(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "l7r",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD),
                "-file",
                pem.toString()));
        return new TestCertificate(keystore, pem);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    /** The certificate in PEM, usable as the client's --ca-file. */
    public Path pem() {
        return pem;
    }

    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
