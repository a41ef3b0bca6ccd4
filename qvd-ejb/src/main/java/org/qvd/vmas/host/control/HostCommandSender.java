package org.qvd.vmas.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.message.HkdCommand;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.vm.StartVmCommand;
import org.qvd.vmas.config.control.ConfigResolver;

/**
 * Sends commands to a host's queue {@code qvd.hkd.<host>}. The JMS context joins the caller's JTA
 * transaction, so a command leaves only if the state change that asked for it commits.
 *
 * <p>Every command leaves with a deadline (contract C2): a start's is the VMAS's start timeout (after it the
 * VMAS gives the start up itself), any other command's is {@link HostConfigKeys#COMMAND_TIMEOUT}. The same
 * instant is the message's JMS expiration, so the broker drops what nobody took in time; an agent that takes
 * it late anyway refuses it and answers {@code CommandFailed expired}.
 */
@ApplicationScoped
public class HostCommandSender {

    private static final MessageCodec CODEC = new MessageCodec();

    @Inject
    JMSContext jms;

    @Inject
    ConfigResolver config;

    public static String newCorrelationId() {
        return UUID.randomUUID().toString();
    }

    public void send(HkdCommand command) {
        Instant now = Instant.now();
        HkdCommand timed = command.deadline() != null
                ? command
                : command.withDeadline(now.plusSeconds(config.get(
                        null,
                        command instanceof StartVmCommand
                                ? HostConfigKeys.VM_START_TIMEOUT
                                : HostConfigKeys.COMMAND_TIMEOUT)));
        Envelope envelope = CODEC.wrap(timed);
        TextMessage message = jms.createTextMessage(CODEC.encode(envelope));
        JMSProducer producer = jms.createProducer();
        envelope.properties().forEach(producer::setProperty);
        producer.setTimeToLive(
                Math.max(1, Duration.between(now, timed.deadline()).toMillis()));
        producer.send(jms.createQueue(Destinations.hostQueue(timed.hostName())), message);
    }
}
