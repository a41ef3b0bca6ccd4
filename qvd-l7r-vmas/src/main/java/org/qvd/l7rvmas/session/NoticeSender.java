package org.qvd.l7rvmas.session;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import org.qvd.vmas.session.notice.Notices;

/**
 * Publishes this node's connection notices on {@code qvd.notices}. A context per send instead of an injected one:
 * the connector calls the backend on executor threads where no request or transaction scope is active.
 */
@ApplicationScoped
public class NoticeSender {

    @Resource(lookup = "java:jboss/DefaultJMSConnectionFactory")
    ConnectionFactory factory;

    @Resource(lookup = Notices.JNDI_NAME)
    Topic topic;

    /** Asks every node to abort its connections to {@code vmId} except {@code keep}. */
    void abortConnections(long vmId, String keep, String reason) {
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer()
                    .setProperty(Notices.TYPE, Notices.TYPE_ABORT_CONNECTION)
                    .setProperty(Notices.VM_ID, vmId)
                    .setProperty(Notices.CONNECTION, keep)
                    .setProperty(Notices.REASON, reason)
                    .send(topic, "");
        }
    }

    /** Tells every node that {@code connection} has let go of {@code vmId}. */
    void connectionReleased(long vmId, String connection) {
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer()
                    .setProperty(Notices.TYPE, Notices.TYPE_CONNECTION_RELEASED)
                    .setProperty(Notices.VM_ID, vmId)
                    .setProperty(Notices.CONNECTION, connection)
                    .send(topic, "");
        }
    }
}
