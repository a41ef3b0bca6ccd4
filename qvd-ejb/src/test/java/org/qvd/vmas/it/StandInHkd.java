package org.qvd.vmas.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.List;
import org.qvd.protocol.host.HostCapacity;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.message.HkdCommand;
import org.qvd.protocol.message.HkdEvent;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.state.HostState;
import org.qvd.protocol.vm.VmReport;

/**
 * Plays an HKD on WildFly's real Artemis: sends its events to {@code qvd.events.<host>} and reads the commands the
 * VMAS puts on {@code qvd.hkd.<host>}. A stand-in for the agent process (the HKD's own ITs cover that side).
 */
@Dependent
public class StandInHkd {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final java.util.concurrent.atomic.AtomicInteger REGISTRATIONS =
            new java.util.concurrent.atomic.AtomicInteger();

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory factory;

    public static HostCapacity capacity(long freeRamMb) {
        return new HostCapacity(freeRamMb + 1024, freeRamMb, 0, 4, 0.1);
    }

    /** Registers a host with the most free RAM so far, so that placement prefers the newest stand-in host. */
    public void register(String host, List<VmReport> vms) {
        long freeRamMb = 1_000_000 + 1_000L * REGISTRATIONS.incrementAndGet();
        send(new HostRegistered(
                host, null, "agent-" + host, "test", "test:///default", "qemu", 1000, capacity(freeRamMb), vms));
    }

    /** Registers a host offering the given desktop kinds (wire names), with the most free RAM so far. */
    public void register(String host, List<VmReport> vms, List<String> kinds) {
        long freeRamMb = 1_000_000 + 1_000L * REGISTRATIONS.incrementAndGet();
        send(new HostRegistered(
                host, null, "agent-" + host, "test", "test:///default", "qemu", 1000, capacity(freeRamMb), vms, kinds));
    }

    public void heartbeat(String host, long sequence, List<VmReport> vms) {
        send(new HostHeartbeat(host, null, "agent-" + host, sequence, HostState.RUNNING, capacity(900_000), vms));
    }

    public void send(HkdEvent event) {
        try (JMSContext jms = factory.createContext()) {
            Envelope envelope = CODEC.wrap(event);
            TextMessage message = jms.createTextMessage(CODEC.encode(envelope));
            JMSProducer producer = jms.createProducer();
            envelope.properties().forEach(producer::setProperty);
            // its host's own address, as the agent sends: the broker diverts it to qvd.events, noting the address
            producer.send(jms.createQueue(Destinations.hostEvents(event.hostName())), message);
        }
    }

    /** Sends a text no VMAS can read (an unknown major version), as a newer or broken agent might. */
    public void sendRaw(String text) {
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer().send(jms.createQueue(Destinations.EVENTS), text);
        }
    }

    /** The next command on the host's queue, or null after the timeout. */
    public <T extends HkdCommand> T receive(String host, Class<T> type, long timeoutMillis) throws Exception {
        try (JMSContext jms = factory.createContext();
                JMSConsumer consumer = jms.createConsumer(jms.createQueue(Destinations.hostQueue(host)))) {
            Message message = consumer.receive(timeoutMillis);
            if (message == null) {
                return null;
            }
            return CODEC.decode(((TextMessage) message).getText()).as(type);
        }
    }
}
