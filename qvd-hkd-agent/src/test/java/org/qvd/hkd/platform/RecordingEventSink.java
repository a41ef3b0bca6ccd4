package org.qvd.hkd.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.qvd.hkd.messaging.EventSink;
import org.qvd.protocol.message.HkdEvent;

/** Keeps the events a handler publishes, in order, so a test can read what the VMAS would receive. */
public final class RecordingEventSink implements EventSink {

    private final List<HkdEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(HkdEvent event) {
        events.add(event);
    }

    public List<HkdEvent> events() {
        return List.copyOf(events);
    }

    public <T extends HkdEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
