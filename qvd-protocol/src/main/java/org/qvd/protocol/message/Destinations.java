package org.qvd.protocol.message;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * JMS destination names (ARCHITECTURE §6). These are JMS names; on WildFly's embedded Artemis their core
 * addresses carry the 1.x prefixes {@code jms.queue.} / {@code jms.topic.}: remote clients set
 * {@code enable1xPrefixes=true} on their connection factory (see docs/protocol-jms.md).
 */
public final class Destinations {

    /**
     * The queue the VMAS consumes every host's events from. No agent sends to it: each sends to its own
     * {@link #hostEvents(String)} address, which the broker diverts here (docs/protocol-jms.md, "Destinations").
     */
    public static final String EVENTS = "qvd.events";
    /** Prefix of each host's own event address, {@code qvd.events.<hostName>}. */
    public static final String HOST_EVENTS_PREFIX = EVENTS + ".";
    /**
     * The message property in which the broker's divert keeps the address a message was sent to (Artemis'
     * {@code Message.HDR_ORIGINAL_ADDRESS}); the broker sets it, overwriting whatever the sender put there.
     */
    public static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    /** Topic for cluster-wide notices between VMAS nodes. */
    public static final String NOTICES = "qvd.notices";
    /** Prefix of each host's command queue. */
    public static final String HOST_QUEUE_PREFIX = "qvd.hkd.";

    /** WildFly's 1.x prefix of JMS queues' core addresses. */
    private static final String JMS_QUEUE_PREFIX = "jms.queue.";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

    private Destinations() {}

    /** The command queue of one host, {@code qvd.hkd.<hostName>}. */
    public static String hostQueue(String hostName) {
        return HOST_QUEUE_PREFIX + requireValidHostName(hostName);
    }

    /**
     * The address only the agent of {@code hostName} may send its events to, {@code qvd.events.<hostName>}: the
     * broker grants the send right to that host's own account, so the VMAS knows the sender from the address.
     */
    public static String hostEvents(String hostName) {
        return HOST_EVENTS_PREFIX + requireValidHostName(hostName);
    }

    /**
     * The host whose own event address {@code address} is: JMS name {@code qvd.events.<host>} or its core address
     * {@code jms.queue.qvd.events.<host>}; empty for anything else (the shared queue itself, another address, a
     * malformed host name).
     */
    public static Optional<String> hostOfEvents(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String name = address.startsWith(JMS_QUEUE_PREFIX) ? address.substring(JMS_QUEUE_PREFIX.length()) : address;
        if (!name.startsWith(HOST_EVENTS_PREFIX)) {
            return Optional.empty();
        }
        String host = name.substring(HOST_EVENTS_PREFIX.length());
        return HOST_NAME.matcher(host).matches() ? Optional.of(host) : Optional.empty();
    }

    /**
     * Host names become part of a queue name, so they are restricted to letters, digits, '-' and '_'
     * (no dots: Artemis uses them as address-match separators).
     */
    public static String requireValidHostName(String hostName) {
        if (hostName == null || !HOST_NAME.matcher(hostName).matches()) {
            throw new IllegalArgumentException("invalid host name '" + hostName
                    + "': use 1-63 letters, digits, '-' or '_', starting with a letter or digit");
        }
        return hostName;
    }
}
