package org.qvd.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import java.util.UUID;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.message.HkdCommand;
import org.qvd.protocol.message.MessageCodec;

/**
 * Sends commands to a host's queue {@code qvd.hkd.<host>}. The JMS context joins the caller's JTA
 * transaction, so a command leaves only if the state change that asked for it commits.
 */
@ApplicationScoped
public class HostCommandSender {

    private static final MessageCodec CODEC = new MessageCodec();

    @Inject
    JMSContext jms;

    public static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }

    public void send(HkdCommand command) {
        Envelope envelope = CODEC.wrap(command);
        TextMessage message = jms.createTextMessage(CODEC.encode(envelope));
        JMSProducer producer = jms.createProducer();
        envelope.properties().forEach(producer::setProperty);
        producer.send(jms.createQueue(Destinations.hostQueue(command.hostName())), message);
    }
}
