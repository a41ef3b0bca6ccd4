package org.qvd.protocol.vma;

/**
 * Answer of {@code ping}: the agent is alive.
 *
 * @param rssKiB the agent's resident memory (VmRSS), for capacity planning; 0 if unknown
 */
public record PingReply(String status, String version, long uptimeSeconds, long rssKiB) {}
