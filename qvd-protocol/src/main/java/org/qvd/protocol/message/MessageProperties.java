package org.qvd.protocol.message;

/**
 * Names of the JMS string properties every message carries, copied from its envelope, so brokers and
 * consumers can route, select and refuse a message without parsing its body.
 */
public final class MessageProperties {

    public static final String TYPE = "type";
    public static final String SCHEMA_VERSION = "schemaVersion";
    public static final String HOST_NAME = "hostName";
    public static final String CORRELATION_ID = "correlationId";

    private MessageProperties() {}
}
