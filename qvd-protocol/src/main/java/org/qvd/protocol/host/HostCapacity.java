package org.qvd.protocol.host;

/**
 * What a host can still take, for placement.
 *
 * @param ramTotalMb physical memory
 * @param ramFreeMb memory available now (the OS's estimate)
 * @param ramCommittedMb memory promised to the VMs this agent runs
 * @param cpus logical CPUs
 * @param load1 one-minute load average (negative if unknown)
 */
public record HostCapacity(long ramTotalMb, long ramFreeMb, long ramCommittedMb, int cpus, double load1) {}
