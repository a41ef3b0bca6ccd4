package org.qvd.vmas.host.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.qvd.protocol.host.HostHeartbeat;
import org.qvd.protocol.host.HostRegistered;
import org.qvd.protocol.host.HostStateChanged;
import org.qvd.protocol.message.CommandFailed;
import org.qvd.protocol.message.Destinations;
import org.qvd.protocol.message.Envelope;
import org.qvd.protocol.message.HkdMessage;
import org.qvd.protocol.message.MessageCodec;
import org.qvd.protocol.message.ProtocolException;
import org.qvd.protocol.vm.VmStateChanged;
import org.qvd.protocol.vm.VmaState;
import org.qvd.vmas.host.control.HeartbeatInbox;
import org.qvd.vmas.host.control.HostEventRefusals;
import org.qvd.vmas.host.control.HostEventSender;
import org.qvd.vmas.host.control.HostEvents;
import org.qvd.vmas.platform.error.QvdException;
import org.qvd.vmas.vm.control.VmEvents;

/**
 * Consumes the HKDs' events from {@code qvd.events}, where the broker diverts each host's own address
 * {@code qvd.events.<host>}. An event is applied only for the host whose address it was sent to: one naming another
 * host is refused (audited and logged once, see {@link HostEventRefusals}). A message this VMAS cannot read (unknown
 * type, unknown major version, malformed) is refused with a logged error and dropped; an event the state machine
 * refuses is logged; anything unexpected is thrown so the broker redelivers and dead-letters.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/qvd.events"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
        })
public class HostEventConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(HostEventConsumer.class.getName());
    private static final MessageCodec CODEC = new MessageCodec();

    private final Map<Class<?>, Consumer<HkdMessage>> handlers = new HashMap<>();

    @Inject
    HostEvents hosts;

    @Inject
    VmEvents vms;

    @Inject
    HostEventRefusals refusals;

    @Inject
    HeartbeatInbox heartbeats;

    @Override
    public void onMessage(Message message) {
        Envelope envelope;
        String sentTo;
        try {
            if (!(message instanceof TextMessage text)) {
                LOG.severe(() -> "refused a non-text message on qvd.events: "
                        + message.getClass().getSimpleName());
                return;
            }
            envelope = CODEC.decode(text.getText());
            sentTo = message.getStringProperty(Destinations.ORIGINAL_ADDRESS);
        } catch (ProtocolException e) {
            LOG.log(Level.SEVERE, "refused an event on qvd.events: {0}", e.getMessage());
            return;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a message from qvd.events", e);
        }
        HostEventSender sender = new HostEventSender(sentTo, envelope.hostName());
        Optional<String> refusal = sender.refusal();
        if (refusal.isPresent()) {
            refusals.refuse(sender, refusal.get(), envelope.type());
            return;
        }
        try {
            dispatch(envelope.message());
        } catch (QvdException e) {
            LOG.warning(() ->
                    "event " + envelope.type() + " from " + envelope.hostName() + " not applied: " + e.getMessage());
        }
    }

    /** One handler per event type, as the agent's dispatcher has one per command: host events, then VM events. */
    @PostConstruct
    void handlers() {
        on(HostRegistered.class, hosts::registered);
        on(
                HostHeartbeat.class,
                heartbeats::offer); // applied with the other hosts' beats of the moment (HeartbeatInbox)
        on(HostStateChanged.class, hosts::hostStateChanged);
        on(VmStateChanged.class, vms::stateChanged);
        on(VmaState.class, vms::vmaState);
        on(CommandFailed.class, vms::commandFailed);
    }

    private <E extends HkdMessage> void on(Class<E> type, Consumer<E> handler) {
        handlers.put(type, event -> handler.accept(type.cast(event)));
    }

    private void dispatch(HkdMessage event) {
        Consumer<HkdMessage> handler = handlers.get(event.getClass());
        if (handler == null) {
            LOG.severe(() -> "refused " + event.getClass().getSimpleName() + " on qvd.events: a command, not an event");
            return;
        }
        handler.accept(event);
    }
}
