package org.qvd.protocol.message;

/**
 * A JMS message between the VMAS and an HKD. Every message names the host it concerns (the target of a
 * command, the sender of an event) and may carry the correlation id of the command it answers.
 */
public interface HkdMessage {

    /** The hypervisor host this message is addressed to (commands) or comes from (events). */
    String hostName();

    /** The id of the command this message is or answers; {@code null} for spontaneous events. */
    String correlationId();
}
