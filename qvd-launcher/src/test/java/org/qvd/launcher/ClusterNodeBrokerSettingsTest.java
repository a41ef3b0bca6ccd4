package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every cluster node's broker settings at its start (docs/cluster.md, "Adding a host"): the rights and the command
 * queue of EVERY host with an agent account, not only of the local one, and one account (one password) per host on
 * all nodes, so an agent may connect to whichever node answers. The provisioned server is a stand-in directory (its
 * standalone-full-ha.xml holds only the elements the launcher writes next to); the certificates are real (keytool).
 */
class ClusterNodeBrokerSettingsTest {

    private static final String PROVISIONED = """
            <server name="default">
                            <security-setting name="#">
                            </security-setting>
                            <jms-queue name="ExpiryQueue" entries="java:/jms/queue/ExpiryQueue"/>
            </server>
            """;

    @TempDir
    Path dir;

    private LauncherConfig config() throws Exception {
        Path configuration = Files.createDirectories(dir.resolve("wildfly/standalone/configuration"));
        Files.writeString(configuration.resolve("standalone-full.xml"), PROVISIONED);
        Files.writeString(configuration.resolve("standalone-full-ha.xml"), PROVISIONED);
        Files.writeString(configuration.resolve("logging.properties"), "");
        Files.writeString(dir.resolve("qvd.ear"), "ear");
        return LauncherConfig.fromEnvironment(Map.of(
                "QVD_SOURCE_ROOT", dir.toString(),
                "QVD_HOME", dir.resolve("home").toString(),
                "QVD_WILDFLY_HOME", dir.resolve("wildfly").toString(),
                "QVD_EAR", dir.resolve("qvd.ear").toString(),
                "QVD_HKD_HOST_NAME", "local-host"));
    }

    @Test
    void everyNodeGetsTheRightsAndQueueOfEveryHostWithOneAccountEach() throws Exception {
        LauncherConfig config = config();
        List<QvdCluster.Node> nodes = List.of(node(config, "node-a", 10), node(config, "node-b", 60));
        String localPassword = nodes.get(0).prepare();
        assertThat(nodes.get(1).prepare())
                .as("the local agent's password, the same on both nodes")
                .isEqualTo(localPassword);

        String farPassword = QvdCluster.issueAgentAccount(nodes, "far-host");
        for (QvdCluster.Node node : nodes) {
            node.prepare(); // the node's next start: its configuration is copied in fresh
            Path conf = dir.resolve("home/nodes").resolve(node.id()).resolve("configuration");
            String xml = Files.readString(conf.resolve("standalone-full-ha.xml"));
            for (String host : List.of("local-host", "far-host")) {
                assertThat(xml)
                        .as(node + ": the rights of " + host)
                        .containsOnlyOnce("<security-setting name=\"jms.queue.qvd.hkd." + host
                                + "\"><role name=\"qvd-hkd-" + host + "\" consume=\"true\"")
                        .containsOnlyOnce("<security-setting name=\"jms.queue.qvd.events." + host + "\">");
                assertThat(xml)
                        .as(node + ": the command queue of " + host + ", declared on every node")
                        .containsOnlyOnce("<jms-queue name=\"qvd.hkd." + host + "\" entries=\"java:/jms/queue/qvd.hkd."
                                + host + "\"/>");
            }
            assertThat(HkdAccount.load(conf.resolve("application-users.properties"))
                            .getProperty("qvd-hkd-far-host"))
                    .as(node + ": the far host's account, with the one password issued")
                    .isEqualTo(HkdAccount.digest("qvd-hkd-far-host", farPassword));
            assertThat(HkdAccount.hosts(conf)).containsExactly("far-host", "local-host");
        }
    }

    private QvdCluster.Node node(LauncherConfig config, String id, int offset) {
        return new QvdCluster.Node(
                id,
                config.withPortOffset(offset),
                config.home().resolve("nodes").resolve(id));
    }
}
