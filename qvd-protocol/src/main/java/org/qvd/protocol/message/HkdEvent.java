package org.qvd.protocol.message;

/** An event an HKD sends to the events queue. */
public interface HkdEvent extends HkdMessage {}
