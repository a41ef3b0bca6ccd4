package org.qvd.hkd.vm.entity;

/**
 * A QVD domain found in libvirt, with what the agent wrote into its metadata when it started it.
 *
 * @param active whether the domain runs (running, paused or blocked)
 * @param ip the VM's address, or {@code null} if the domain carries no QVD metadata
 */
public record VmDomain(long vmId, String domainName, boolean active, String ip, String mac, int memoryMb) {
}
