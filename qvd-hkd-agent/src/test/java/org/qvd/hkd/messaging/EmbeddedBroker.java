package org.qvd.hkd.messaging;

import java.io.IOException;
import java.net.ServerSocket;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.DivertConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** A real Artemis broker (same version as WildFly's) in the test JVM, restartable on the same port. */
public final class EmbeddedBroker implements AutoCloseable {

    private final int port;
    private EmbeddedActiveMQ server;

    public EmbeddedBroker() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    public String url() {
        return "tcp://localhost:" + port;
    }

    public void start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJournalDirectory("target/artemis/journal")
                .setBindingsDirectory("target/artemis/bindings")
                .setLargeMessagesDirectory("target/artemis/large")
                .setPagingDirectory("target/artemis/paging")
                .addAcceptorConfiguration("tcp", url())
                // as configure.cli does in WildFly: each host's own event address is diverted to the VMAS's queue
                .addDivertConfiguration(new DivertConfiguration()
                        .setName("qvd-host-events")
                        .setAddress("jms.queue.qvd.events.*")
                        .setForwardingAddress("jms.queue.qvd.events")
                        .setExclusive(true));
        server = new EmbeddedActiveMQ().setConfiguration(config);
        server.start();
    }

    public void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Whether a core queue of that exact name exists (to check the 1.x prefixes). */
    public boolean hasQueue(String coreName) {
        return server.getActiveMQServer().locateQueue(SimpleString.of(coreName)) != null;
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
