package org.qvd.protocol.message;

import java.time.Instant;

/**
 * A command the VMAS sends to one host's queue; the correlation id is mandatory.
 *
 * <p>Every command may carry a {@link #deadline()}: the instant after which the agent must not execute it
 * any more (the VMAS has given up waiting by then, so acting on it would only fight the VMAS's own timeout).
 * An expired command is logged once and answered {@code CommandFailed} with reason {@link #EXPIRED}.
 */
public interface HkdCommand extends HkdMessage {

    /** The {@code CommandFailed.reason} of a command that arrived after its deadline. */
    String EXPIRED = "expired";

    /** When the sender stops waiting for this command; {@code null} for none (older senders). */
    Instant deadline();

    /** The same command with the given deadline (the sender sets it when it sends). */
    HkdCommand withDeadline(Instant deadline);

    /** True when the command has a deadline and {@code now} is past it. */
    default boolean expiredAt(Instant now) {
        return deadline() != null && now.isAfter(deadline());
    }
}
