package org.qvd.vmas.statistics.entity;

import java.util.Map;
import org.qvd.protocol.state.HostState;

/** Hosts by state (every state present, 0 when empty); hosts are shared by every tenant: never tenant-scoped. */
public record HostCounts(long total, long blocked, Map<HostState, Long> byState) {}
