package org.qvd.hkd.messaging;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.qvd.hkd.config.HkdConfig;
import org.qvd.hkd.platform.Backoff;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.message.HkdEvent;
import org.qvd.protocol.message.MessageCodec;

/**
 * The agent's JMS connection: consumes its host queue, publishes events to its host's own address
 * {@code qvd.events.<host>} (the only one its broker account may send to; the broker diverts it to the VMAS's
 * {@code qvd.events}, and the VMAS believes the host the address names, not the body). When the
 * broker goes away it keeps trying the configured URLs in turn with exponential backoff, forever; events
 * published meanwhile wait in a bounded outbox (heartbeats are dropped instead: they would be stale).
 */
public final class BrokerLink implements EventSink, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrokerLink.class.getName());
    private static final int OUTBOX_LIMIT = 10_000;

    private final HkdConfig config;
    private final String hostName;
    private final MessageCodec codec;
    private final Predicate<String> commands;
    private final Runnable onConnected;
    private final Backoff backoff;
    private final Deque<Envelope> outbox = new ArrayDeque<>();
    private final Object sendLock = new Object();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile CountDownLatch broken = new CountDownLatch(1);
    private Thread thread;
    private JMSContext context;
    private JMSContext consumerContext;
    private JMSProducer producer;
    private Queue events;

    /**
     * @param commands takes each command's JSON body (the dispatcher)
     * @param onConnected runs after each (re)connection, once the outbox is flushed: the registration
     */
    public BrokerLink(
            HkdConfig config, String hostName, MessageCodec codec, Predicate<String> commands, Runnable onConnected) {
        this.config = config;
        this.hostName = hostName;
        this.codec = codec;
        this.commands = commands;
        this.onConnected = onConnected;
        this.backoff =
                new Backoff(config.get(HkdConfig.BROKER_RECONNECT_MIN), config.get(HkdConfig.BROKER_RECONNECT_MAX));
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "hkd-broker-link");
        thread.setDaemon(true);
        thread.start();
    }

    public boolean connected() {
        return connected;
    }

    @Override
    public void publish(HkdEvent event) {
        Envelope envelope = codec.wrap(event);
        synchronized (sendLock) {
            if (connected) {
                try {
                    send(envelope);
                    return;
                } catch (JMSRuntimeException | JMSException e) {
                    LOG.warning(() -> "sending " + envelope.type() + " failed: " + e + "; reconnecting");
                    broken.countDown();
                }
            }
            keep(envelope);
        }
    }

    private void run() {
        List<String> urls = config.get(HkdConfig.BROKER_URLS);
        int attempt = 0;
        while (running) {
            String url = urls.get(attempt++ % urls.size());
            try {
                connect(url);
                backoff.reset();
                LOG.info(() -> "connected to broker " + redact(url) + " as " + user());
                onConnected.run();
                while (running && !broken.await(1, TimeUnit.SECONDS)) {
                    // wait for a connection failure or close()
                }
            } catch (JMSRuntimeException | JMSException e) {
                LOG.warning(() -> "broker " + redact(url) + " unavailable: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "broker link failed; reconnecting", e);
            } finally {
                disconnect();
            }
            if (running) {
                pause(backoff.next());
            }
        }
    }

    private void connect(String url) throws JMSException {
        CountDownLatch failure = new CountDownLatch(1);
        broken = failure;
        ActiveMQConnectionFactory factory =
                new ActiveMQConnectionFactory(url, user(), config.get(HkdConfig.BROKER_PASSWORD));
        factory.setEnable1xPrefixes(config.get(HkdConfig.BROKER_WILDFLY_PREFIXES));
        // notice a dead broker in seconds rather than Artemis's default 30 s/60 s
        factory.setClientFailureCheckPeriod(5_000);
        factory.setConnectionTTL(15_000);
        factory.setCallTimeout(10_000);
        synchronized (sendLock) {
            context = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            context.setExceptionListener(e -> {
                LOG.warning(() -> "broker connection lost: " + e.getMessage());
                failure.countDown();
            });
            events = context.createQueue(Destinations.hostEvents(hostName));
            producer = context.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
            consumerContext = context.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            JMSConsumer consumer =
                    consumerContext.createConsumer(consumerContext.createQueue(Destinations.hostQueue(hostName)));
            consumer.setMessageListener(this::onMessage);
            connected = true;
            flushOutbox();
        }
    }

    private void onMessage(Message message) {
        try {
            if (!(message instanceof TextMessage text)) {
                LOG.warning(() -> "refused a non-text message " + message);
                return;
            }
            if (!commands.test(text.getText())) {
                LOG.fine("the dispatcher refused a command and logged why; it is acknowledged, never redelivered");
            }
        } catch (JMSException e) {
            LOG.warning(() -> "unreadable message: " + e.getMessage());
        }
    }

    private void send(Envelope envelope) throws JMSException {
        TextMessage message = context.createTextMessage(codec.encode(envelope));
        for (Map.Entry<String, String> property : envelope.properties().entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        if (envelope.correlationId() != null) {
            message.setJMSCorrelationID(envelope.correlationId());
        }
        // one message group per host: Artemis hands a host's events to one consumer at a time, in order, so the
        // VMAS never applies "running" before "starting" nor registers the same host twice in parallel
        message.setStringProperty("JMSXGroupID", envelope.hostName());
        boolean heartbeat = envelope.message() instanceof HostHeartbeat;
        // a heartbeat is stale after a few periods: let the broker drop it rather than pile it up
        long ttl = heartbeat
                ? config.get(HkdConfig.HEARTBEAT_PERIOD).multipliedBy(3).toMillis()
                : 0;
        producer.setTimeToLive(ttl).send(events, message);
    }

    private void keep(Envelope envelope) {
        if (envelope.message() instanceof HostHeartbeat) {
            return;
        }
        if (outbox.size() >= OUTBOX_LIMIT) {
            Envelope dropped = outbox.removeFirst();
            LOG.warning(() -> "outbox full; dropped " + dropped.type() + " of " + dropped.sentAt());
        }
        outbox.addLast(envelope);
    }

    private void flushOutbox() throws JMSException {
        int count = outbox.size();
        while (!outbox.isEmpty()) {
            send(outbox.peekFirst());
            outbox.removeFirst();
        }
        if (count > 0) {
            LOG.info(() -> "sent " + count + " events kept while the broker was away");
        }
    }

    private void disconnect() {
        synchronized (sendLock) {
            connected = false;
            closeQuietly(consumerContext);
            closeQuietly(context);
            consumerContext = null;
            context = null;
        }
    }

    private static void closeQuietly(JMSContext ctx) {
        if (ctx != null) {
            try {
                ctx.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing a broken JMS context", e);
            }
        }
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** This host's own broker account: configured, or {@code qvd-hkd-<host>} (each host has its own, see docs/server.md). */
    private String user() {
        String configured = config.get(HkdConfig.BROKER_USER);
        return configured.isBlank() ? "qvd-hkd-" + hostName : configured;
    }

    /** Broker URLs may carry credentials in their query; never log them. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|user)=[^&;)]*", "$1=***");
    }

    @Override
    public void close() {
        running = false;
        broken.countDown();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        disconnect();
    }
}
