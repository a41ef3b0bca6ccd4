package org.qvd.l7rvmas.session;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.vmas.session.notice.Notices;

/**
 * Every node's subscriber to {@code qvd.notices} (a non-durable topic subscription: each node gets each notice).
 * No transaction: it only completes futures and aborts local connections; one session keeps notices in order.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Notices.JNDI_NAME),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoticeListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(NoticeListener.class.getName());

    @Inject
    VmasSessionBackend backend;

    @Override
    public void onMessage(Message message) {
        try {
            backend.onNotice(Notice.from(message));
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not handle a notice", e);
        }
    }
}
