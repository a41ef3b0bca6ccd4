package org.qvd.vmas.statistics.entity;

/** Users of the scope. */
public record UserCounts(long total, long blocked) {}
