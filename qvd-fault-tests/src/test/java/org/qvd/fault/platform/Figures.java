package org.qvd.fault.platform;

import java.time.Duration;

/**
 * Recovery figures, printed one per line as {@code FIGURE <fault>: <what> <ms> ms} so a run's log (and
 * docs/operations.md) can quote them.
 */
public final class Figures {

    private Figures() {}

    public static void print(String fault, String what, Duration took) {
        System.out.println("FIGURE " + fault + ": " + what + " " + took.toMillis() + " ms");
    }
}
