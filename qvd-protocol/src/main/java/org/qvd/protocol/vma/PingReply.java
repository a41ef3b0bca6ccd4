package org.qvd.protocol.vma;

/** Answer of {@code ping}: the agent is alive. */
public record PingReply(String status, String version, long uptimeSeconds) {
}
