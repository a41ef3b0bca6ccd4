package org.qvd.vmas.host.control;

import java.util.Optional;
import org.qvd.protocol.message.Destinations;

/**
 * Which host sent an event, and whether it may speak for the host its body names. The broker lets each host's
 * account send only to its own address {@code qvd.events.<host>} and records that address in every copy it diverts to
 * {@code qvd.events} (docs/protocol-jms.md, "Who sent an event"): the host of that address is the sender, whatever the
 * body says. An event naming another host, or reaching the queue without a host's address, is refused.
 *
 * @param originalAddress the address the event was sent to, as the broker recorded it (null: none)
 * @param namedHost the host the event's body names
 */
public record HostEventSender(String originalAddress, String namedHost) {

    /** Result of an event from another host than the one it names. */
    public static final String MISMATCH = "host.event_sender_mismatch";
    /** Result of an event that did not come through a host's own address. */
    public static final String UNADDRESSED = "host.event_unaddressed";

    /** The sending host: the host of the address the event was sent to. */
    public Optional<String> host() {
        return Destinations.hostOfEvents(originalAddress);
    }

    /** Empty when the event may be applied; else the error code of its refusal. */
    public Optional<String> refusal() {
        Optional<String> sender = host();
        if (sender.isEmpty()) {
            return Optional.of(UNADDRESSED);
        }
        return sender.get().equals(namedHost) ? Optional.empty() : Optional.of(MISMATCH);
    }

    /** The broker account that sent it, as the admin knows it ({@code qvd-hkd-<host>}). */
    public String account() {
        return host().map(h -> "qvd-hkd-" + h).orElse("(no host address)");
    }

    /** Why the event is refused, for the log and the audit (host names are restricted: nothing to escape). */
    public String explain(String type) {
        return host().map(h -> type + " sent to " + Destinations.hostEvents(h) + " names host " + namedHost
                        + ": only events of host " + h + " are taken from there")
                .orElse(type + " naming host " + namedHost + " did not come through a host's own address "
                        + "(qvd.events.<host>): its sender is unknown");
    }
}
