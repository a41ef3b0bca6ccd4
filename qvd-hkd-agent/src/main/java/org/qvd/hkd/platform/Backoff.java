package org.qvd.hkd.platform;

import java.time.Duration;

/** Exponential backoff between reconnection attempts: min, 2×min, … up to max; reset after a success. */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private Duration next;

    public Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max.compareTo(min) < 0 ? min : max;
        this.next = min;
    }

    /** The wait before the next attempt; doubles the following one. */
    public synchronized Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    public synchronized void reset() {
        next = min;
    }
}
