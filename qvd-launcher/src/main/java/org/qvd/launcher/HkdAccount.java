package org.qvd.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The local host agent's own broker account: WildFly application user {@code qvd-hkd-<host>} in the roles
 * {@code qvd-hkd} (every agent; grants nothing by itself) and {@code qvd-hkd-<host>} (may consume its own queue
 * {@code qvd.hkd.<host>} and send to its own event address {@code qvd.events.<host>}, see {@link BrokerAccess}). Its password is generated on the first run and kept
 * (owner-readable only) in {@code QVD_HOME/hkd/hkd.conf}, the local agent's configuration; WildFly's
 * ApplicationRealm keeps only the digest.
 */
final class HkdAccount {
    /** The shared account of earlier versions (role guest, allowed everything): removed from the realm. */
    private static final String OLD_SHARED_USER = "qvd-hkd";

    private static final String REALM = "ApplicationRealm";

    private HkdAccount() {}

    /** Makes sure the account exists in the server's base configuration; returns its password. */
    static String ensure(Path home, Path serverConfiguration, String host) {
        String user = BrokerAccess.account(host);
        try {
            Path conf = home.resolve("hkd/hkd.conf");
            Properties hkd = load(conf);
            String password = hkd.getProperty("broker.password");
            if (password == null || password.isBlank() || !user.equals(hkd.getProperty("broker.user"))) {
                password = SuperadminPassword.generate(24);
                hkd.setProperty("broker.user", user);
                hkd.setProperty("broker.password", password);
                store(conf, hkd, "local HKD agent of ./qvd run (generated; broker.password is secret)");
            }
            setEntry(serverConfiguration.resolve("application-users.properties"), user, digest(user, password));
            setEntry(
                    serverConfiguration.resolve("application-roles.properties"),
                    user,
                    BrokerAccess.AGENT_ROLE + "," + BrokerAccess.hostRole(host));
            return password;
        } catch (IOException e) {
            throw new LauncherException("cannot set up the HKD broker account: " + e.getMessage(), e);
        }
    }

    /**
     * Issues the broker account of another host ({@code qvd-hkd-<host>}, a new random password) in the server's realm
     * files; Elytron reads them again when they change. Returns the password (kept nowhere else).
     */
    static String issue(Path serverConfiguration, String host) {
        return issue(serverConfiguration, host, SuperadminPassword.generate(24));
    }

    /** The same with a given password: a cluster's nodes each get the same account (one realm file per node). */
    static String issue(Path serverConfiguration, String host, String password) {
        String user = BrokerAccess.account(host);
        try {
            setEntry(serverConfiguration.resolve("application-users.properties"), user, digest(user, password));
            setEntry(
                    serverConfiguration.resolve("application-roles.properties"),
                    user,
                    BrokerAccess.AGENT_ROLE + "," + BrokerAccess.hostRole(host));
            return password;
        } catch (IOException e) {
            throw new LauncherException("cannot issue the broker account of host " + host + ": " + e.getMessage(), e);
        }
    }

    /**
     * The hosts whose agents have an account in the server's realm ({@code qvd-hkd-<host>} in role
     * {@code qvd-hkd-<host>}): the local host's and those {@link #issue issued} for others, in name order.
     */
    static List<String> hosts(Path serverConfiguration) {
        try {
            Properties roles = load(serverConfiguration.resolve("application-roles.properties"));
            List<String> hosts = new ArrayList<>();
            for (String user : roles.stringPropertyNames()) {
                String prefix = BrokerAccess.AGENT_ROLE + "-";
                if (user.startsWith(prefix)
                        && List.of(roles.getProperty(user).split(",")).contains(user)) {
                    hosts.add(user.substring(prefix.length()));
                }
            }
            hosts.sort(null);
            return hosts;
        } catch (IOException e) {
            throw new LauncherException("cannot read the broker accounts: " + e.getMessage(), e);
        }
    }

    /** WildFly's properties realm digest: hex(MD5(user:realm:password)). */
    static String digest(String user, String password) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5")
                    .digest((user + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets {@code user=value} in a WildFly properties file, keeping its other lines (and its realm comment). */
    private static void setEntry(Path file, String user, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.exists(file) ? Files.readAllLines(file) : List.of());
        lines.removeIf(line -> line.startsWith(user + "=") || line.startsWith(OLD_SHARED_USER + "="));
        lines.add(user + "=" + value);
        Files.write(file, lines);
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    static void store(Path file, Properties p, String comment) throws IOException {
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, comment);
        }
    }
}
