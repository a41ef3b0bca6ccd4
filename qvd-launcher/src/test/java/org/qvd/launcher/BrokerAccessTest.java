package org.qvd.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-host broker rights the launcher writes into the server's configuration (docs/server.md). */
class BrokerAccessTest {

    private static final String SERVER = """
            <server name="default">
                            <security-setting name="#">
                            </security-setting>
                            <jms-queue name="ExpiryQueue" entries="java:/jms/queue/ExpiryQueue"/>
            </server>
            """;

    @Test
    void aHostMayConsumeItsCommandsAndSendToItsOwnEventAddressOnly(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("standalone-full.xml");
        Files.writeString(xml, SERVER);

        BrokerAccess.allowHost(xml, "node-1");
        BrokerAccess.allowHost(xml, "node-1"); // every start writes it again: once is enough

        String written = Files.readString(xml);
        assertThat(written)
                .containsOnlyOnce("<security-setting name=\"jms.queue.qvd.hkd.node-1\"><role name=\"qvd-hkd-node-1\""
                        + " consume=\"true\" create-durable-queue=\"true\"/></security-setting>");
        assertThat(written)
                .containsOnlyOnce("<security-setting name=\"jms.queue.qvd.events.node-1\"><role name=\"qvd-hkd-node-1\""
                        + " send=\"true\" create-durable-queue=\"true\"/></security-setting>");
        assertThat(written).doesNotContain("name=\"jms.queue.qvd.events\"");
        // its command queue exists on this node whether or not its agent consumes here (docs/cluster.md)
        assertThat(written)
                .containsOnlyOnce("<jms-queue name=\"qvd.hkd.node-1\" entries=\"java:/jms/queue/qvd.hkd.node-1\"/>");
        assertThat(written.indexOf("jms.queue.qvd.events.node-1"))
                .as("before the catch-all")
                .isLessThan(written.indexOf("name=\"#\""));
    }

    @Test
    void aHostNameThatWouldWidenTheAddressIsRefused(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("standalone-full.xml");
        Files.writeString(xml, SERVER);
        for (String bad : new String[] {"#", "a.b", "*", "node 1"}) {
            assertThatThrownBy(() -> BrokerAccess.allowHost(xml, bad))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageContaining("host name");
        }
        assertThat(Files.readString(xml)).isEqualTo(SERVER);
    }
}
