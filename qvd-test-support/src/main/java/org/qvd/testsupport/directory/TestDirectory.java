package org.qvd.testsupport.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real LDAP directory for tests: UnboundID's in-memory directory server, listening on loopback with LDAPS and with
 * plain LDAP that offers StartTLS, under a certificate for {@code localhost}/{@code 127.0.0.1} made with the JDK's
 * keytool at start ({@link #caPem()} is what a client must trust). Base {@code dc=example,dc=org} with
 * {@code ou=people}, {@code ou=groups} and a service account {@code cn=qvd,ou=services,dc=example,dc=org}
 * ({@link #SERVICE_SECRET}). Ephemeral ports: parallel runs never collide.
 */
public final class TestDirectory implements AutoCloseable {

    public static final String BASE = "dc=example,dc=org";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String GROUPS = "ou=groups," + BASE;
    public static final String SERVICE_DN = "cn=qvd,ou=services," + BASE;
    public static final String SERVICE_SECRET = "Service-Secret-1";

    private final InMemoryDirectoryServer server;
    private final String caPem;

    public TestDirectory(Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path keyStore = workDir.resolve("ldap-" + System.nanoTime() + ".p12");
        keytool(
                "-genkeypair",
                "-alias",
                "ldap",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit");
        caPem = keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ldap",
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit");
        SSLUtil serverTls = new SSLUtil(
                new KeyStoreKeyManager(keyStore.toFile(), "changeit".toCharArray(), "PKCS12", "ldap"), null);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPSConfig(
                        "ldaps", loopback, 0, serverTls.createSSLServerSocketFactory(), null),
                InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, serverTls.createSSLSocketFactory()));
        config.setSchema(null); // any attribute: groups of names and posix groups side by side
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        for (String ou : List.of("people", "groups", "services")) {
            server.add("dn: ou=" + ou + "," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: " + ou);
        }
        server.add("dn: " + SERVICE_DN, "objectClass: person", "cn: qvd", "sn: qvd", "userPassword: " + SERVICE_SECRET);
        server.startListening();
    }

    /** {@code ldaps://localhost:PORT}. */
    public String ldapsUrl() {
        return "ldaps://localhost:" + server.getListenPort("ldaps");
    }

    /** {@code ldap://localhost:PORT}: plain, with StartTLS offered. */
    public String startTlsUrl() {
        return "ldap://localhost:" + server.getListenPort("ldap");
    }

    /** The server's certificate (PEM): what a client trusts to talk to it. */
    public String caPem() {
        return caPem;
    }

    /** Adds a person {@code uid=login,ou=people,...}; returns its DN. */
    public String addUser(String login, String password) throws LDAPException, LDIFException {
        String dn = "uid=" + login + "," + PEOPLE;
        server.add(
                "dn: " + dn,
                "objectClass: inetOrgPerson",
                "uid: " + login,
                "cn: " + login,
                "sn: " + login,
                "userPassword: " + password);
        return dn;
    }

    /** Adds a group {@code cn=name,ou=groups,...} with these members' DNs. */
    public void addGroup(String name, String... memberDns) throws LDAPException {
        server.add(new com.unboundid.ldap.sdk.Entry(
                "cn=" + name + "," + GROUPS,
                new Attribute("objectClass", "groupOfNames"),
                new Attribute("cn", name),
                new Attribute("member", memberDns)));
    }

    public void removeFromGroup(String name, String memberDn) throws LDAPException {
        server.modify("cn=" + name + "," + GROUPS, new Modification(ModificationType.DELETE, "member", memberDn));
    }

    public void delete(String dn) throws LDAPException {
        server.delete(dn);
    }

    public void setPassword(String dn, String password) throws LDAPException {
        server.modify(dn, new Modification(ModificationType.REPLACE, "userPassword", password));
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static String keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
        return out;
    }
}
