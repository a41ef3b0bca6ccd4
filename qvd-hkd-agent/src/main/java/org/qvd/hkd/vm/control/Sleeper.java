package org.qvd.hkd.vm.control;

import java.time.Duration;
import org.qvd.hkd.platform.HkdException;

/** Sleeps in polling loops; an interruption (agent shutting down) ends the command with a failure. */
final class Sleeper {

    private Sleeper() {}

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HkdException("interrupted: the agent is shutting down");
        }
    }
}
