package org.qvd.hkd.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commands this agent has taken, by type and correlation id, so that a copy the broker delivers again is
 * never executed twice. The broker delivers a command again when it has no record of the agent's acknowledgement:
 * WildFly, with its embedded broker, killed after the agent took the command but before the acknowledgement reached
 * the broker's journal. Executing the copy could start a VM that was stopped since, or purge a home created since.
 * The VMAS gives every command a fresh correlation id (a UUID), so a known one always means such a copy.
 * <p>
 * Kept for the agent process's life and bounded (the oldest forgotten first): copies come right after the agent
 * reconnects, long before {@value #CAPACITY} newer commands have arrived.
 */
final class TakenCommands {

    static final int CAPACITY = 10_000;

    private final Map<String, Boolean> taken = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Records the command; false when it was taken before (a copy delivered again). */
    synchronized boolean take(String type, String correlationId) {
        if (correlationId == null) {
            return true; // nothing to recognise it by
        }
        return taken.putIfAbsent(type + ' ' + correlationId, Boolean.TRUE) == null;
    }
}
