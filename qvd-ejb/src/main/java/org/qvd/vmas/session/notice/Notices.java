package org.qvd.vmas.session.notice;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import org.qvd.protocol.state.VmState;

/**
 * Publishes notices on {@code qvd.notices} (JNDI {@code java:/jms/topic/qvd.notices}). A notice is an empty text
 * message whose properties carry everything, so consumers can filter with selectors. The JMS context joins the
 * caller's JTA transaction: a notice about a state change leaves only when that change commits, so a node that
 * reads the database after the notice sees the new state.
 */
@ApplicationScoped
public class Notices {

    /** Message property: the notice type, one of the {@code TYPE_*} values. */
    public static final String TYPE = "qvdNotice";
    /** A VM changed state; properties {@link #VM_ID}, {@link #STATE} and maybe {@link #REASON}. */
    public static final String TYPE_VM_STATE = "vm.state";
    /** Asks the node holding a connection to the VM {@link #VM_ID} (other than {@link #CONNECTION}) to abort it. */
    public static final String TYPE_ABORT_CONNECTION = "connection.abort";
    /** The connection {@link #CONNECTION} to VM {@link #VM_ID} has ended and released the VM. */
    public static final String TYPE_CONNECTION_RELEASED = "connection.released";

    public static final String VM_ID = "vmId";
    /** VM state as its {@link VmState#wireName() wire name} ({@code running}, {@code stopped}...). */
    public static final String STATE = "state";

    public static final String REASON = "reason";
    /** A connection id as {@code node/id}. */
    public static final String CONNECTION = "connection";

    public static final String JNDI_NAME = "java:/jms/topic/qvd.notices";

    @Inject
    JMSContext jms;

    @Resource(lookup = JNDI_NAME)
    Topic topic;

    /** A VM reached {@code state}; {@code reason} may be null. */
    public void vmState(long vmId, VmState state, String reason) {
        JMSProducer producer = jms.createProducer()
                .setProperty(TYPE, TYPE_VM_STATE)
                .setProperty(VM_ID, vmId)
                .setProperty(STATE, state.wireName());
        if (reason != null) {
            producer.setProperty(REASON, reason.length() > 500 ? reason.substring(0, 500) : reason);
        }
        producer.send(topic, "");
    }

    /** Asks every node to abort its connections to {@code vmId} except {@code keep}. */
    public void abortConnections(long vmId, String keep, String reason) {
        jms.createProducer()
                .setProperty(TYPE, TYPE_ABORT_CONNECTION)
                .setProperty(VM_ID, vmId)
                .setProperty(CONNECTION, keep)
                .setProperty(REASON, reason)
                .send(topic, "");
    }

    /** Tells every node that {@code connection} no longer holds {@code vmId}. */
    public void connectionReleased(long vmId, String connection) {
        jms.createProducer()
                .setProperty(TYPE, TYPE_CONNECTION_RELEASED)
                .setProperty(VM_ID, vmId)
                .setProperty(CONNECTION, connection)
                .send(topic, "");
    }
}
