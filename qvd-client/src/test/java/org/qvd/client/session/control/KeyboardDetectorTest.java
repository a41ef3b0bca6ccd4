package org.qvd.client.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyboardDetectorTest {

    @Test
    void takesTheFirstLayoutFromSetxkbmap() {
        assertThat(KeyboardDetector.fromQuery("rules:      evdev\nmodel:      pc105\nlayout:     es,us\n"))
                .isEqualTo("pc105/es");
    }

    @Test
    void fallsBackWhenNoLayoutIsKnown() {
        assertThat(KeyboardDetector.fromQuery("Cannot open display")).isEqualTo(KeyboardDetector.FALLBACK);
    }
}
