package org.qvd.hkd.messaging;

import org.qvd.protocol.message.HkdEvent;

/** Where the agent's events go: the broker's events queue, or an outbox while the broker is away. */
public interface EventSink {

    void publish(HkdEvent event);
}
