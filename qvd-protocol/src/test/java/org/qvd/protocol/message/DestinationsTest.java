package org.qvd.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DestinationsTest {

    @Test
    void namesEachHostsCommandQueue() {
        assertThat(Destinations.hostQueue("node-1")).isEqualTo("qvd.hkd.node-1");
        assertThat(Destinations.EVENTS).isEqualTo("qvd.events");
        assertThat(Destinations.NOTICES).isEqualTo("qvd.notices");
    }

    @Test
    void namesEachHostsOwnEventAddressAndReadsTheHostBackFromIt() {
        assertThat(Destinations.hostEvents("node-1")).isEqualTo("qvd.events.node-1");
        assertThat(Destinations.hostOfEvents("jms.queue.qvd.events.node-1")).contains("node-1");
        assertThat(Destinations.hostOfEvents("qvd.events.node_2")).contains("node_2");
        assertThat(Destinations.hostOfEvents("jms.queue.qvd.events"))
                .as("the shared queue names no host")
                .isEmpty();
        assertThat(Destinations.hostOfEvents("qvd.events")).isEmpty();
        assertThat(Destinations.hostOfEvents("jms.queue.qvd.events.a.b"))
                .as("no dots in host names")
                .isEmpty();
        assertThat(Destinations.hostOfEvents("jms.queue.qvd.hkd.node-1"))
                .as("a command queue")
                .isEmpty();
        assertThat(Destinations.hostOfEvents("jms.topic.qvd.events.node-1")).isEmpty();
        assertThat(Destinations.hostOfEvents("")).isEmpty();
        assertThat(Destinations.hostOfEvents(null)).isEmpty();
        assertThatThrownBy(() -> Destinations.hostEvents("node.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsHostNamesThatWouldBreakAddressMatching() {
        assertThatThrownBy(() -> Destinations.hostQueue("node.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Destinations.hostQueue("a#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Destinations.hostQueue("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Destinations.hostQueue(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
