package org.qvd.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One certificate authority per installation ({@code QVD_HOME/tls/ca.p12}, ECDSA P-256, ten years, its password in
 * {@code QVD_HOME/tls/ca.properties}, both 0600) signs the server certificate every node presents on 9443 (WAT, API,
 * agents' broker) and 8443 (L7R): ECDSA P-256, CN {@code QVD_TLS_HOSTNAME} (localhost), subjectAltName that name,
 * {@code localhost}, this machine's names, 127.0.0.1,
 * ::1 and whatever {@code QVD_TLS_SAN} adds (e.g. {@code dns:vdi.example.com,ip:192.0.2.10}). Clients and agents trust
 * the CA, so every node of a cluster (given the same CA files) presents a certificate they already trust. A key store
 * the operator configured ({@code QVD_TLS_KEYSTORE}) is left alone; one without subjectAltName (made by an earlier
 * version) is replaced. Uses the JDK's keytool: the JDK has no public API that issues certificates.
 */
final class InstallationCa {
    private static final String CA_ALIAS = "qvd-ca";
    private static final String SERVER_ALIAS = "server";

    private InstallationCa() {}

    /** Makes sure {@code serverKeyStore} holds a CA-signed certificate with subjectAltName; returns the CA's. */
    static void ensureServerCertificate(
            LauncherConfig config, Path serverKeyStore, String keyStorePassword, List<String> extraSan) {
        if (config.tls().ownKeystore().isPresent()) {
            return; // the operator's own key store
        }
        try {
            Path dir = Files.createDirectories(config.home().resolve("tls"));
            Properties p = HkdAccount.load(dir.resolve("ca.properties"));
            if (p.getProperty("ca.password", "").isBlank()) {
                p.setProperty("ca.password", SuperadminPassword.generate(32));
                HkdAccount.store(dir.resolve("ca.properties"), p, "installation CA of ./qvd run (generated; secret)");
            }
            Path ca = dir.resolve("ca.p12");
            Entry caKey = new Entry(CA_ALIAS, ca.toString(), p.getProperty("ca.password"));
            if (!Files.exists(ca)) {
                generateKeyPair(
                        caKey,
                        "CN=QVD installation CA " + config.hkdHostName(),
                        "3650",
                        "-ext",
                        "bc:c",
                        "-ext",
                        "ku:c=keyCertSign,cRLSign");
                restrict(ca);
            }
            if (hasSan(serverKeyStore, keyStorePassword)) {
                return;
            }
            Files.deleteIfExists(serverKeyStore);
            Files.createDirectories(serverKeyStore.getParent());
            Entry serverKey = new Entry(SERVER_ALIAS, serverKeyStore.toString(), keyStorePassword);
            generateKeyPair(serverKey, "CN=" + commonName(config), "825");
            String request = keytool(null, serverKey, "-certreq");
            String signed = keytool(
                    request,
                    caKey,
                    "-gencert",
                    "-rfc",
                    "-validity",
                    "825",
                    "-ext",
                    "SAN=" + String.join(",", san(config, extraSan)),
                    "-ext",
                    "ku:c=digitalSignature,keyAgreement",
                    "-ext",
                    "eku=serverAuth,clientAuth");
            Path caPem = dir.resolve("ca.pem");
            Files.writeString(caPem, keytool(null, caKey, "-exportcert", "-rfc"));
            // the CA's certificate goes in under the CA's alias, beside the server's key
            keytool(
                    null,
                    new Entry(CA_ALIAS, serverKey.keyStore(), keyStorePassword),
                    "-importcert",
                    "-noprompt",
                    "-trustcacerts",
                    "-file",
                    caPem.toString());
            keytool(signed, serverKey, "-importcert", "-noprompt");
            restrict(serverKeyStore);
        } catch (IOException e) {
            throw new LauncherException("cannot issue the server's TLS certificate: " + e.getMessage(), e);
        }
    }

    /** The CA's certificate (PEM), which clients and agents trust. */
    static Path caCertificate(LauncherConfig config) {
        return config.home().resolve("tls/ca.pem");
    }

    /** QVD_TLS_HOSTNAME, as for the certificate WildFly would generate itself (default localhost). */
    private static String commonName(LauncherConfig config) {
        String name = config.tls().hostname();
        if (!name.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new LauncherException("QVD_TLS_HOSTNAME must be a host name; got '" + name + "'");
        }
        return name;
    }

    private static List<String> san(LauncherConfig config, List<String> extra) {
        Set<String> names =
                new LinkedHashSet<>(List.of("dns:" + commonName(config), "dns:localhost", "ip:127.0.0.1", "ip:::1"));
        if (config.hkdHostName().matches("[A-Za-z0-9.-]+")) { // '_' is no DNS name
            names.add("dns:" + config.hkdHostName());
        }
        try {
            String full = java.net.InetAddress.getLocalHost().getCanonicalHostName();
            if (full.matches("[A-Za-z0-9.-]+") && !full.matches("[0-9.:]+")) {
                names.add("dns:" + full);
            }
        } catch (java.net.UnknownHostException e) {
            // the short name is in already
        }
        for (String entry : extra) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (!e.matches("(?i)(dns:[A-Za-z0-9.*-]+|ip:[0-9A-Fa-f.:]+)")) {
                throw new LauncherException("QVD_TLS_SAN entries are dns:NAME or ip:ADDRESS; got '" + e + "'");
            }
            names.add(e.toLowerCase());
        }
        return new ArrayList<>(names);
    }

    private static boolean hasSan(Path keyStore, String password) {
        if (!Files.exists(keyStore)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                    return c.getSubjectAlternativeNames() != null
                            && !c.getIssuerX500Principal().equals(c.getSubjectX500Principal());
                }
            }
            return false;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    private static void restrict(Path file) throws IOException {
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    /** An entry of a PKCS12 key store, as keytool names it in every call. */
    private record Entry(String alias, String keyStore, String password) {}

    /**
     * A new ECDSA P-256 key pair with a self-signed certificate in a PKCS12 key store; {@code extensions} are keytool
     * {@code -ext} options (a CA's basic constraints and key usage).
     */
    private static void generateKeyPair(Entry entry, String dname, String validityDays, String... extensions)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1"));
        args.addAll(List.of("-dname", dname, "-validity", validityDays, "-storetype", "PKCS12"));
        args.addAll(List.of(extensions));
        keytool(null, entry, args.toArray(String[]::new));
    }

    /** Runs keytool's {@code command} (its first word, then its options) on {@code entry}, feeding it {@code input}. */
    private static String keytool(String input, Entry entry, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("-alias", entry.alias(), "-keystore", entry.keyStore(), "-storepass", entry.password()));
        return keytool(input, args.toArray(String[]::new));
    }

    private static String keytool(String input, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + err.strip() + " " + out.strip());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
