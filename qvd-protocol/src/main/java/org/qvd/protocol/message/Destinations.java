package org.qvd.protocol.message;

import java.util.regex.Pattern;

/**
 * JMS destination names (ARCHITECTURE §6). These are JMS names; on WildFly's embedded Artemis their core
 * addresses carry the 1.x prefixes {@code jms.queue.} / {@code jms.topic.}: remote clients set
 * {@code enable1xPrefixes=true} on their connection factory (see docs/protocol-jms.md).
 */
public final class Destinations {

    /** Queue every HKD sends its events to; the VMAS consumes it. */
    public static final String EVENTS = "qvd.events";
    /** Topic for cluster-wide notices between VMAS nodes. */
    public static final String NOTICES = "qvd.notices";
    /** Prefix of each host's command queue. */
    public static final String HOST_QUEUE_PREFIX = "qvd.hkd.";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

    private Destinations() {
    }

    /** The command queue of one host, {@code qvd.hkd.<hostName>}. */
    public static String hostQueue(String hostName) {
        return HOST_QUEUE_PREFIX + requireValidHostName(hostName);
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
