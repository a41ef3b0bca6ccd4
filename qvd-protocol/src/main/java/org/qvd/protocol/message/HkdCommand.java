package org.qvd.protocol.message;

/** A command the VMAS sends to one host's queue; the correlation id is mandatory. */
public interface HkdCommand extends HkdMessage {
}
