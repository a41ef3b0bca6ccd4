package org.qvd.hkd.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

/** One line per record on stderr (journald adds the time stamp under systemd; kept for plain runs). */
public final class LogSetup {

    // held strongly: java.util.logging forgets the level of a logger nobody references
    private static final Logger ARTEMIS = Logger.getLogger("org.apache.activemq");

    private LogSetup() {}

    public static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n");
        // Artemis is chatty at INFO about every reconnection attempt; the agent logs those itself
        ARTEMIS.setLevel(Level.WARNING);
        Logger.getLogger("").setLevel(Level.INFO);
    }
}
