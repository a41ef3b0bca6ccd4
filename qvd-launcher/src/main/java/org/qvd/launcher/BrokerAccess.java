package org.qvd.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may do what on the embedded broker. WildFly's own JMS (MDBs, JMSContext) is trusted by its security manager;
 * a remote account only gets what a security setting grants: the role {@code qvd-hkd-<host>} may consume
 * {@code qvd.hkd.<host>} (its commands) and send to {@code qvd.events.<host>} (its events, which the broker diverts
 * into the VMAS's {@code qvd.events}, so the VMAS knows the sender from that address); nothing else (the setting
 * for {@code #} comes from configure.cli; the role {@code qvd-hkd}, which every agent still has, grants nothing).
 * The per-host settings of the local agent are written into the server's configuration at every start, since the
 * launcher copies that file in fresh. Agents reach the broker only over TLS (Artemis over the HTTPS listener's HTTP
 * upgrade, {@code https-acceptor}), trusting the server's certificate from a trust store that holds nothing else.
 */
final class BrokerAccess {
    static final String AGENT_ROLE = "qvd-hkd";
    /** The trust store holds only a public certificate: its password protects nothing, so it is no secret. */
    static final String TRUST_STORE_PASSWORD = "qvd-public";

    private BrokerAccess() {}

    /** The broker account of the agent of {@code host}. */
    static String account(String host) {
        return "qvd-hkd-" + validHost(host);
    }

    static String hostRole(String host) {
        return "qvd-hkd-" + validHost(host);
    }

    private static String validHost(String host) {
        if (!host.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new LauncherException("host name '" + host + "' must be 1-64 letters, digits, '-' or '_'");
        }
        return host;
    }

    /**
     * The security settings of host {@code host}'s own addresses: address, then the rights of its role (WildFly's
     * role attributes; {@code create-durable-queue} also lets the JMS client create the address and its queue).
     */
    static Map<String, String> hostSettings(String host) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("jms.queue.qvd.hkd." + validHost(host), "consume=true,create-durable-queue=true");
        settings.put("jms.queue.qvd.events." + validHost(host), "send=true,create-durable-queue=true");
        return settings;
    }

    /**
     * The JMS name of host {@code host}'s command queue ({@code qvd.hkd.<host>}, broker address
     * {@code jms.queue.qvd.hkd.<host>}).
     */
    static String commandQueue(String host) {
        return "qvd.hkd." + validHost(host);
    }

    /**
     * The command queue declared on every node, not only created on demand where the agent consumes: a node that has
     * no queue of its own for the host knows only the binding of the node the agent was on, and when that node dies
     * the broker still routes the host's commands to that binding (the only one), into the store-and-forward queue
     * toward the dead node, where they wait for ever (docs/cluster.md, "A command sent while the agent moves"). With a
     * local queue, a command sent once the dead node's bridge has failed stays on the sending node (ON_DEMAND prefers
     * the local queue when no binding has a consumer) and reaches the agent when it consumes again, there or
     * redistributed.
     */
    static String commandQueueElement(String host) {
        return "<jms-queue name=\"" + commandQueue(host) + "\" entries=\"java:/jms/queue/" + commandQueue(host)
                + "\"/>";
    }

    /**
     * Lets only the agent of {@code host} consume {@code qvd.hkd.<host>} and send to {@code qvd.events.<host>}, and
     * declares its command queue (in the copied standalone-full.xml or standalone-full-ha.xml).
     */
    static void allowHost(Path standaloneXml, String host) {
        try {
            String xml = declareCommandQueue(standaloneXml, Files.readString(standaloneXml), host);
            for (Map.Entry<String, String> setting : hostSettings(host).entrySet()) {
                String element = "<security-setting name=\"" + setting.getKey() + "\"><role name=\"" + hostRole(host)
                        + "\" "
                        + setting.getValue().replace("=true", "=\"true\"").replace(',', ' ') + "/></security-setting>";
                if (xml.contains(element)) {
                    continue;
                }
                int at = xml.indexOf("<security-setting name=\"#\"");
                if (at < 0) {
                    throw new LauncherException("no broker security settings in " + standaloneXml);
                }
                xml = xml.substring(0, at) + element + "\n                " + xml.substring(at);
            }
            Files.writeString(standaloneXml, xml);
        } catch (IOException e) {
            throw new LauncherException("cannot write the broker security of host " + host + ": " + e.getMessage(), e);
        }
    }

    /** Adds the host's command queue before the default server's first JMS queue, once. */
    private static String declareCommandQueue(Path standaloneXml, String xml, String host) {
        String element = commandQueueElement(host);
        if (xml.contains(element)) {
            return xml;
        }
        int at = xml.indexOf("<jms-queue name=\"ExpiryQueue\"");
        if (at < 0) {
            throw new LauncherException("no JMS queues of the broker in " + standaloneXml);
        }
        return xml.substring(0, at) + element + "\n                " + xml.substring(at);
    }

    /**
     * The same security settings and command queue as {@link #allowHost}, added to the running server through its
     * management CLI.
     */
    static void allowHostNow(LauncherConfig config, int managementPort, String host) {
        for (Map.Entry<String, String> setting : hostSettings(host).entrySet()) {
            String resource = "/subsystem=messaging-activemq/server=default/security-setting=" + setting.getKey();
            cli(
                    config,
                    managementPort,
                    host,
                    resource + ":add," + resource + "/role=" + hostRole(host) + ":add(" + setting.getValue() + ")");
        }
        cli(
                config,
                managementPort,
                host,
                "/subsystem=messaging-activemq/server=default/jms-queue=" + commandQueue(host)
                        + ":add(entries=[java:/jms/queue/" + commandQueue(host) + "])");
    }

    private static void cli(LauncherConfig config, int managementPort, String host, String commands) {
        List<String> command = List.of(
                config.wildflyHome().resolve("bin/jboss-cli.sh").toString(),
                "--connect",
                "--controller=remote+http://127.0.0.1:" + managementPort,
                "--commands=" + commands);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            boolean done = p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
            if (!done || p.exitValue() != 0 && !out.contains("WFLYCTL0212")) { // 0212: duplicate resource, set before
                throw new LauncherException("cannot add the broker security of host " + host + ": " + out.strip());
            }
        } catch (IOException e) {
            throw new LauncherException("cannot run jboss-cli: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    /**
     * Writes {@code QVD_HOME/hkd/broker-trust.p12} for the local agent's {@code trustStorePath}: the installation
     * CA's certificate, or (with the operator's own key store) the server's certificate alone, never its key.
     */
    static Path exportTrust(QvdSystem system) {
        Path trust = system.config().home().resolve("hkd/broker-trust.p12");
        Path ca = InstallationCa.caCertificate(system.config());
        if (Files.exists(ca) && system.config().tls().ownKeystore().isEmpty()) {
            return exportTrust(system.config());
        }
        Path keyStore = AdminApi.keyStoreOf(system);
        String password = system.config().tls().keystorePassword();
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore server = KeyStore.getInstance("PKCS12");
            server.load(in, password.toCharArray());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (String alias : Collections.list(server.aliases())) {
                Certificate certificate = server.getCertificate(alias);
                if (certificate != null) {
                    store.setCertificateEntry(alias, certificate);
                }
            }
            return write(store, trust);
        } catch (IOException | GeneralSecurityException e) {
            throw new LauncherException("cannot export the server's certificate for the agents: " + e.getMessage(), e);
        }
    }

    /** The installation CA's certificate as the agents' trust store: they then trust every node (a cluster's too). */
    static Path exportTrust(LauncherConfig config) {
        Path trust = config.home().resolve("hkd/broker-trust.p12");
        try (InputStream in = Files.newInputStream(InstallationCa.caCertificate(config))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(
                    "qvd-ca",
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            return write(store, trust);
        } catch (IOException | GeneralSecurityException e) {
            throw new LauncherException("cannot export the installation CA for the agents: " + e.getMessage(), e);
        }
    }

    private static Path write(KeyStore store, Path trust) throws IOException, GeneralSecurityException {
        Files.createDirectories(trust.getParent());
        try (OutputStream out = Files.newOutputStream(trust)) {
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        return trust;
    }
}
