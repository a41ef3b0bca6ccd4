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
    void rejectsHostNamesThatWouldBreakAddressMatching() {
        assertThatThrownBy(() -> Destinations.hostQueue("node.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Destinations.hostQueue("a#")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Destinations.hostQueue("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Destinations.hostQueue(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
