package org.qvd.hkd.messaging;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.message.HkdCommand;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.message.MessageProperties;

/**
 * Plays the VMAS's side of the JMS contract in tests (the real MDB lives in qvd-ejb): consumes
 * {@code qvd.events} (where the broker diverts each host's {@code qvd.events.<host>}) and sends commands to a host queue, with WildFly's 1.x prefixes as the agent uses them.
 */
public final class VmasStandIn implements AutoCloseable {

    /** A received event with its JMS string properties. */
    public record Received(Envelope envelope, Map<String, String> properties) {}

    private final MessageCodec codec = new MessageCodec();
    private final JMSContext context;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    public VmasStandIn(String brokerUrl) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        factory.setEnable1xPrefixes(true);
        context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer consumer = context.createContext(JMSContext.AUTO_ACKNOWLEDGE)
                .createConsumer(context.createQueue(Destinations.EVENTS));
        consumer.setMessageListener(message -> {
            try {
                String body = ((TextMessage) message).getText();
                Map<String, String> properties = new java.util.HashMap<>();
                for (String name : new String[] {
                    MessageProperties.TYPE,
                    MessageProperties.SCHEMA_VERSION,
                    MessageProperties.HOST_NAME,
                    MessageProperties.CORRELATION_ID,
                    Destinations.ORIGINAL_ADDRESS
                }) {
                    if (message.propertyExists(name)) {
                        properties.put(name, message.getStringProperty(name));
                    }
                }
                received.add(new Received(codec.decode(body), properties));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public void send(HkdCommand command) {
        Envelope envelope = codec.wrap(command);
        sendRaw(command.hostName(), codec.encode(envelope), envelope.properties());
    }

    public void sendRaw(String hostName, String body, Map<String, String> properties) {
        TextMessage message = context.createTextMessage(body);
        try {
            for (Map.Entry<String, String> p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        context.createProducer().send(context.createQueue(Destinations.hostQueue(hostName)), message);
    }

    /** The next event matching, skipping others; fails the test after the timeout. */
    public Received await(Predicate<Envelope> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no matching event within " + timeout);
            }
            if (wanted.test(next.envelope())) {
                return next;
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
